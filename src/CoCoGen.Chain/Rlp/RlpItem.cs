using System.Numerics;

namespace CoCoGen.Chain.Rlp;

/// <summary>A decoded RLP item: either a byte string or a list of items.</summary>
public sealed class RlpItem
{
    private readonly byte[]? _bytes;
    private readonly IReadOnlyList<RlpItem>? _items;

    private RlpItem(byte[]? bytes, IReadOnlyList<RlpItem>? items)
    {
        _bytes = bytes;
        _items = items;
    }

    /// <summary>True when this item is a list.</summary>
    public bool IsList => _items is not null;

    /// <summary>The bytes of a string item.</summary>
    /// <exception cref="InvalidOperationException">The item is a list.</exception>
    public byte[] Bytes => _bytes ?? throw new InvalidOperationException("RLP item is a list, not a byte string.");

    /// <summary>The children of a list item.</summary>
    /// <exception cref="InvalidOperationException">The item is a byte string.</exception>
    public IReadOnlyList<RlpItem> Items => _items ?? throw new InvalidOperationException("RLP item is a byte string, not a list.");

    /// <summary>Creates a byte-string item.</summary>
    public static RlpItem FromBytes(byte[] bytes) => new(bytes ?? throw new ArgumentNullException(nameof(bytes)), null);

    /// <summary>Creates a list item.</summary>
    public static RlpItem List(IReadOnlyList<RlpItem> items) => new(null, items ?? throw new ArgumentNullException(nameof(items)));

    /// <summary>Reads a string item as a canonical unsigned integer (no leading zero bytes).</summary>
    /// <exception cref="FormatException">The integer has leading zeros.</exception>
    public BigInteger ToBigInteger()
    {
        var bytes = Bytes;
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new FormatException("RLP integer has a leading zero byte.");
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }
}
