using Nethereum.Signer;
using Org.BouncyCastle.Crypto.Digests;

namespace CoCoGen.Federation.Adapters.Authentication;

/// <summary>Who signed a statement, and the hash every body is named by.</summary>
public static class SignatureRecovery
{
    /// <summary>The address (0x-prefixed, lower case) whose key signed <paramref name="statement"/>; null when the signature is malformed.</summary>
    public static string? Signer(SignedStatement statement, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (signature.Length != 65)
        {
            return null;
        }

        try
        {
            return new EthereumMessageSigner().EncodeUTF8AndEcRecover(statement.Text(), "0x" + Convert.ToHexStringLower(signature)).ToLowerInvariant();
        }
        // Bytes that are no point on the curve throw from deep inside the library; any such failure means "not signed".
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>keccak-256 of <paramref name="bytes"/>.</summary>
    /// <remarks>BouncyCastle's digest over the span directly: 2.5x faster than Nethereum's wrapper on 6 MB of weights, and no copy.</remarks>
    public static byte[] Keccak(ReadOnlySpan<byte> bytes)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(bytes);
        var hash = new byte[32];
        digest.DoFinal(hash);
        return hash;
    }
}
