using System.Numerics;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Rlp;

/// <summary>Recursive Length Prefix encoding (Ethereum yellow paper, appendix B).</summary>
public static class RlpEncoder
{
    private const byte ShortStringOffset = 0x80;
    private const byte ShortListOffset = 0xc0;
    private const int ShortLengthLimit = 55;

    /// <summary>Encodes a byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < ShortStringOffset)
        {
            return [bytes[0]];
        }

        return Prefixed(ShortStringOffset, bytes);
    }

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes (zero is the empty string).</summary>
    public static byte[] EncodeInteger(BigInteger value) => EncodeBytes(EvmWord.ToMinimalBytes(value));

    /// <summary>Encodes a UTF-8 text as a byte string.</summary>
    public static byte[] EncodeString(string text) => EncodeBytes(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Wraps already-encoded items into a list.</summary>
    public static byte[] EncodeList(params IReadOnlyList<byte[]> encodedItems)
    {
        ArgumentNullException.ThrowIfNull(encodedItems);
        var payload = new byte[encodedItems.Sum(item => item.Length)];
        var offset = 0;
        foreach (var item in encodedItems)
        {
            item.CopyTo(payload, offset);
            offset += item.Length;
        }

        return Prefixed(ShortListOffset, payload);
    }

    /// <summary>Encodes a decoded item tree back into bytes.</summary>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IsList ? EncodeList(item.Items.Select(Encode).ToArray()) : EncodeBytes(item.Bytes);
    }

    private static byte[] Prefixed(byte offset, ReadOnlySpan<byte> payload)
    {
        if (payload.Length <= ShortLengthLimit)
        {
            var shortForm = new byte[1 + payload.Length];
            shortForm[0] = (byte)(offset + payload.Length);
            payload.CopyTo(shortForm.AsSpan(1));
            return shortForm;
        }

        var length = EvmWord.ToMinimalBytes(payload.Length);
        var longForm = new byte[1 + length.Length + payload.Length];
        longForm[0] = (byte)(offset + ShortLengthLimit + length.Length);
        length.CopyTo(longForm, 1);
        payload.CopyTo(longForm.AsSpan(1 + length.Length));
        return longForm;
    }
}
