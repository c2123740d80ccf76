using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json.Serialization;

namespace CoCoGen.Federation.Ports;

/// <summary>
/// A 20-byte Ethereum account or contract address as the protocol carries it: validated once where it enters (the chain
/// adapter, a run record, the wire), compared by value, written as "0x" + 40 lower-case hex digits (the spelling of the
/// run records). The EIP-55 checksum needs Keccak-256, which is the chain layer's: the chain adapter converts this type
/// to the chain client's address, which formats and checks checksums.
/// </summary>
[JsonConverter(typeof(ChainAddressJsonConverter))]
public readonly struct ChainAddress : IEquatable<ChainAddress>
{
    /// <summary>Bytes in an address.</summary>
    public const int Length = 20;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    // Big-endian: the first 16 bytes, then the last 4; value equality for free.
    private readonly UInt128 _head;
    private readonly uint _tail;

    private ChainAddress(UInt128 head, uint tail)
    {
        _head = head;
        _tail = tail;
    }

    /// <summary>The zero address (no account holds its key).</summary>
    public static ChainAddress Zero => default;

    /// <summary>The address of these 20 bytes.</summary>
    /// <exception cref="ArgumentException">Not 20 bytes.</exception>
    public static ChainAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"an address is {Length} bytes, not {bytes.Length}", nameof(bytes));
        }

        return new ChainAddress(BinaryPrimitives.ReadUInt128BigEndian(bytes), BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));
    }

    /// <summary>Parses "0x" + 40 hex digits, in any case (checksums are checked by the chain layer, see the type's remarks).</summary>
    /// <exception cref="FormatException">Not "0x" followed by exactly 40 hex digits; the message names the problem.</exception>
    public static ChainAddress Parse(string text) =>
        TryParse(text, out var address, out var problem) ? address : throw new FormatException($"'{text}' is not an address: {problem}");

    /// <summary>Parses like <see cref="Parse"/>; false instead of an exception.</summary>
    public static bool TryParse(string? text, out ChainAddress address) => TryParse(text, out address, out _);

    /// <summary>The 20 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, _head);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), _tail);
        return bytes;
    }

    /// <summary>"0x" + 40 lower-case hex digits.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToBytes());

    /// <inheritdoc/>
    public bool Equals(ChainAddress other) => _head == other._head && _tail == other._tail;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ChainAddress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_head, _tail);

    /// <summary>Equality.</summary>
    public static bool operator ==(ChainAddress left, ChainAddress right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ChainAddress left, ChainAddress right) => !left.Equals(right);

    private static bool TryParse(string? text, out ChainAddress address, out string problem)
    {
        address = default;
        problem = HexProblem(text, Length);
        if (problem.Length > 0)
        {
            return false;
        }

        address = FromBytes(Convert.FromHexString(text.AsSpan(2)));
        return true;
    }

    /// <summary>What is wrong with <paramref name="text"/> as "0x" + 2 × <paramref name="bytes"/> hex digits; empty when nothing.</summary>
    internal static string HexProblem(string? text, int bytes)
    {
        if (text is null || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return "it must start with 0x";
        }

        if (text.Length - 2 != 2 * bytes)
        {
            return $"it must have {2 * bytes} hex digits after 0x, not {text.Length - 2}";
        }

        var bad = text.AsSpan(2).IndexOfAnyExcept(HexDigits);
        return bad >= 0 ? $"'{text[bad + 2]}' at position {bad + 2} is not a hex digit" : string.Empty;
    }
}
