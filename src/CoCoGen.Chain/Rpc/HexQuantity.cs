using System.Globalization;
using System.Numerics;

namespace CoCoGen.Chain.Rpc;

/// <summary>JSON-RPC quantities: "0x" + minimal lower-case hex, "0x0" for zero.</summary>
public static class HexQuantity
{
    /// <summary>Encodes a non-negative integer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static string Encode(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A quantity is non-negative.");
        }

        return value.IsZero ? "0x0" : "0x" + Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
    }

    /// <summary>Decodes "0x…" (leading zeros tolerated, as some nodes send them).</summary>
    /// <exception cref="FormatException">Not a "0x" hex quantity.</exception>
    public static BigInteger Decode(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        if (!quantity.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || quantity.Length == 2)
        {
            throw new FormatException($"'{quantity}' is not a JSON-RPC hex quantity.");
        }

        return BigInteger.Parse("0" + quantity[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes a quantity that must fit in 64 bits (nonces, gas, block numbers, chain ids).</summary>
    public static ulong DecodeUInt64(string quantity)
    {
        var value = Decode(quantity);
        return value <= ulong.MaxValue ? (ulong)value : throw new FormatException($"Quantity {quantity} exceeds 64 bits.");
    }
}
