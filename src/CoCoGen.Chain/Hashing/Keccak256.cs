using Org.BouncyCastle.Crypto.Digests;

namespace CoCoGen.Chain.Hashing;

/// <summary>Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).</summary>
public static class Keccak256
{
    /// <summary>Digest size in bytes.</summary>
    public const int Size = 32;

    /// <summary>Hashes the bytes.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[Size];
        Hash(data, output);
        return output;
    }

    /// <summary>Hashes the bytes into a caller-supplied 32-byte destination.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"Destination needs {Size} bytes, got {destination.Length}.", nameof(destination));
        }

        var digest = new KeccakDigest(256);
        var buffer = data.ToArray();
        digest.BlockUpdate(buffer, 0, buffer.Length);
        var output = new byte[Size];
        digest.DoFinal(output, 0);
        output.CopyTo(destination);
    }

    /// <summary>Hashes the UTF-8 bytes of a text (signatures such as "transfer(address,uint256)").</summary>
    public static byte[] HashUtf8(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Hash(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
