namespace CoCoGen.Chain.Primitives;

/// <summary>Hexadecimal text as Ethereum writes it: lower case, "0x" prefixed.</summary>
public static class Hex
{
    /// <summary>Encodes bytes as "0x…" lower-case hex.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex text with or without a "0x" prefix; an odd length is rejected.</summary>
    /// <exception cref="FormatException">The text is not an even number of hex digits.</exception>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"Hex text '{Shorten(hex)}' has an odd number of digits.");
        }

        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException exception)
        {
            throw new FormatException($"Text '{Shorten(hex)}' is not hexadecimal.", exception);
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
