using System.Numerics;

namespace CoCoGen.Chain.Primitives;

/// <summary>Conversions between <see cref="BigInteger"/> and the fixed 32-byte big-endian words of the EVM.</summary>
public static class EvmWord
{
    /// <summary>Size of one EVM word in bytes.</summary>
    public const int Size = 32;

    /// <summary>2^256, the modulus of EVM arithmetic.</summary>
    public static readonly BigInteger Modulus = BigInteger.One << 256;

    /// <summary>Largest uint256.</summary>
    public static readonly BigInteger MaxUInt256 = Modulus - 1;

    /// <summary>Largest int256.</summary>
    public static readonly BigInteger MaxInt256 = (BigInteger.One << 255) - 1;

    /// <summary>Smallest int256.</summary>
    public static readonly BigInteger MinInt256 = -(BigInteger.One << 255);

    /// <summary>Writes a value as a 32-byte two's-complement big-endian word.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value needs more than 256 bits.</exception>
    public static void Write(BigInteger value, Span<byte> destination)
    {
        if (destination.Length != Size)
        {
            throw new ArgumentException($"A word needs {Size} bytes, got {destination.Length}.", nameof(destination));
        }

        if (value < MinInt256 || value > MaxUInt256)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Value does not fit in 256 bits.");
        }

        var unsigned = value.Sign < 0 ? value + Modulus : value;
        destination.Clear();
        var length = unsigned.GetByteCount(isUnsigned: true);
        unsigned.TryWriteBytes(destination[(Size - length)..], out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads a 32-byte word as an unsigned integer.</summary>
    public static BigInteger ReadUnsigned(ReadOnlySpan<byte> word) => new(word, isUnsigned: true, isBigEndian: true);

    /// <summary>Reads a 32-byte word as a two's-complement signed integer.</summary>
    public static BigInteger ReadSigned(ReadOnlySpan<byte> word)
    {
        var unsigned = ReadUnsigned(word);
        return unsigned > MaxInt256 ? unsigned - Modulus : unsigned;
    }

    /// <summary>The minimal big-endian bytes of a non-negative value (empty for zero), as RLP wants integers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static byte[] ToMinimalBytes(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only non-negative integers have a minimal encoding.");
        }

        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }
}
