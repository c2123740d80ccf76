using System.Buffers.Binary;
using System.Text.Json.Serialization;

namespace CoCoGen.Federation.Ports;

/// <summary>
/// A 32-byte chain hash (a transaction's or a block's Keccak-256) as the protocol carries it: validated once where it
/// enters, compared by value, written as "0x" + 64 lower-case hex digits.
/// </summary>
[JsonConverter(typeof(Hash32JsonConverter))]
public readonly struct Hash32 : IEquatable<Hash32>
{
    /// <summary>Bytes in a hash.</summary>
    public const int Length = 32;

    // Big-endian halves; value equality for free.
    private readonly UInt128 _high;
    private readonly UInt128 _low;

    private Hash32(UInt128 high, UInt128 low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>The hash of these 32 bytes.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes.</exception>
    public static Hash32 FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"a hash is {Length} bytes, not {bytes.Length}", nameof(bytes));
        }

        return new Hash32(BinaryPrimitives.ReadUInt128BigEndian(bytes), BinaryPrimitives.ReadUInt128BigEndian(bytes[16..]));
    }

    /// <summary>Parses "0x" + 64 hex digits, in any case.</summary>
    /// <exception cref="FormatException">Not "0x" followed by exactly 64 hex digits; the message names the problem.</exception>
    public static Hash32 Parse(string text)
    {
        var problem = ChainAddress.HexProblem(text, Length);
        return problem.Length == 0 ? FromBytes(Convert.FromHexString(text.AsSpan(2))) : throw new FormatException($"'{text}' is not a 32-byte hash: {problem}");
    }

    /// <summary>The 32 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, _high);
        BinaryPrimitives.WriteUInt128BigEndian(bytes.AsSpan(16), _low);
        return bytes;
    }

    /// <summary>"0x" + 64 lower-case hex digits.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToBytes());

    /// <inheritdoc/>
    public bool Equals(Hash32 other) => _high == other._high && _low == other._low;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <summary>Equality.</summary>
    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);
}
