using System.Numerics;
using System.Security.Cryptography;

namespace CoCoGen.Chain.Wallet;

/// <summary>Bitcoin's Base58Check text encoding, used by BIP-32 extended keys (xprv/xpub).</summary>
public static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Base58 of payload ‖ first four bytes of SHA-256(SHA-256(payload)).</summary>
    public static string Encode(ReadOnlySpan<byte> payload)
    {
        var checksum = SHA256.HashData(SHA256.HashData(payload));
        var data = new byte[payload.Length + 4];
        payload.CopyTo(data);
        checksum.AsSpan(0, 4).CopyTo(data.AsSpan(payload.Length));
        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var text = new System.Text.StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            text.Insert(0, Alphabet[(int)remainder]);
        }

        foreach (var leading in data)
        {
            if (leading != 0)
            {
                break;
            }

            text.Insert(0, '1');
        }

        return text.ToString();
    }

    /// <summary>Decodes and verifies the checksum; returns the payload.</summary>
    /// <exception cref="FormatException">A character outside the alphabet, or a checksum mismatch.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = BigInteger.Zero;
        foreach (var character in text)
        {
            var digit = Alphabet.IndexOf(character, StringComparison.Ordinal);
            value = (value * 58) + (digit >= 0 ? digit : throw new FormatException($"'{character}' is not a Base58 character."));
        }

        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var zeros = text.TakeWhile(character => character == '1').Count();
        var data = new byte[zeros + body.Length];
        body.CopyTo(data, zeros);
        if (data.Length < 4)
        {
            throw new FormatException("Base58Check text is too short to hold a checksum.");
        }

        var payload = data[..^4];
        var checksum = SHA256.HashData(SHA256.HashData(payload));
        return checksum.AsSpan(0, 4).SequenceEqual(data.AsSpan(data.Length - 4))
            ? payload
            : throw new FormatException("Base58Check checksum does not match.");
    }
}
