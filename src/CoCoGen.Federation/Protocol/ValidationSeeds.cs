using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CoCoGen.Federation.Protocol;

/// <summary>
/// Each round's validation seed, SHA-256("cocogen/validation/v1" ‖ secret ‖ round as 8 little-endian bytes): fixed by
/// the coordinator's secret, so a resumed or recomputed run draws the same subset, and unknown to the organizations
/// until the evidence reveals it. Its SHA-256 goes out with the round's assignment, before anyone trains, so the
/// coordinator cannot choose the subset after seeing the updates.
/// </summary>
public sealed class ValidationSeeds
{
    private static readonly byte[] Domain = Encoding.UTF8.GetBytes("cocogen/validation/v1");
    private readonly byte[] _secret;

    /// <summary>Seeds derived from <paramref name="secret"/>.</summary>
    public ValidationSeeds(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The seed of round <paramref name="round"/> (32 bytes).</summary>
    public byte[] For(int round)
    {
        var input = new byte[Domain.Length + _secret.Length + sizeof(long)];
        Domain.CopyTo(input, 0);
        _secret.CopyTo(input, Domain.Length);
        BinaryPrimitives.WriteInt64LittleEndian(input.AsSpan(Domain.Length + _secret.Length), round);
        return SHA256.HashData(input);
    }

    /// <summary>The published commitment to <paramref name="seed"/>: 0x-prefixed hex of its SHA-256.</summary>
    public static string Commitment(ReadOnlySpan<byte> seed) => Hex(SHA256.HashData(seed));

    /// <summary>0x-prefixed lower-case hex.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
