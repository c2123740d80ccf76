using System.Security.Cryptography;
using System.Text;

namespace CoCoGen.Chain.Wallet;

/// <summary>BIP-39 mnemonic sentences (English wordlist): checksum validation, entropy round trip, and the PBKDF2 seed.</summary>
public static class Bip39Mnemonic
{
    private const int SeedIterations = 2048;
    private static readonly Lazy<string[]> EnglishWords = new(LoadWordlist);
    private static readonly Lazy<Dictionary<string, int>> WordIndex = new(() =>
        EnglishWords.Value.Select((word, index) => (word, index)).ToDictionary(pair => pair.word, pair => pair.index, StringComparer.Ordinal));

    /// <summary>The 2048 words of the official English list, in order.</summary>
    public static IReadOnlyList<string> Wordlist => EnglishWords.Value;

    /// <summary>The 64-byte seed: PBKDF2-HMAC-SHA512(NFKD(mnemonic), "mnemonic" + NFKD(passphrase), 2048 iterations).</summary>
    /// <remarks>BIP-39 derives the seed from the text itself; call <see cref="Validate"/> first to catch typos.</remarks>
    /// <exception cref="ArgumentException">Non-ASCII text while the process runs without Unicode normalization (InvariantGlobalization).</exception>
    public static byte[] ToSeed(string mnemonic, string passphrase = "")
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        ArgumentNullException.ThrowIfNull(passphrase);
        var password = Encoding.UTF8.GetBytes(Nfkd(mnemonic, nameof(mnemonic)));
        var salt = Encoding.UTF8.GetBytes("mnemonic" + Nfkd(passphrase, nameof(passphrase)));
        return Rfc2898DeriveBytes.Pbkdf2(password, salt, SeedIterations, HashAlgorithmName.SHA512, 64);
    }

    /// <summary>The sentence for 16, 20, 24, 28 or 32 bytes of entropy (12 … 24 words).</summary>
    /// <exception cref="ArgumentException">The entropy length is not one BIP-39 allows.</exception>
    public static string FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
        {
            throw new ArgumentException($"BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, got {entropy.Length}.", nameof(entropy));
        }

        var checksumBits = entropy.Length / 4;
        var bits = new bool[(entropy.Length * 8) + checksumBits];
        WriteBits(entropy, bits, 0, entropy.Length * 8);
        WriteBits(SHA256.HashData(entropy), bits, entropy.Length * 8, checksumBits);
        var words = new string[bits.Length / 11];
        for (var word = 0; word < words.Length; word++)
        {
            var index = 0;
            for (var bit = 0; bit < 11; bit++)
            {
                index = (index << 1) | (bits[(word * 11) + bit] ? 1 : 0);
            }

            words[word] = EnglishWords.Value[index];
        }

        return string.Join(' ', words);
    }

    /// <summary>The entropy a sentence encodes, after checking its words and checksum.</summary>
    /// <exception cref="FormatException">Wrong word count, a word not in the list (named), or a checksum mismatch.</exception>
    public static byte[] ToEntropy(string mnemonic)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        var words = mnemonic.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length is < 12 or > 24 || words.Length % 3 != 0)
        {
            throw new FormatException($"A BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, got {words.Length}.");
        }

        var bits = new bool[words.Length * 11];
        for (var word = 0; word < words.Length; word++)
        {
            if (!WordIndex.Value.TryGetValue(words[word], out var index))
            {
                throw new FormatException($"Mnemonic word {word + 1} '{words[word]}' is not in the BIP-39 English list.");
            }

            for (var bit = 0; bit < 11; bit++)
            {
                bits[(word * 11) + bit] = ((index >> (10 - bit)) & 1) == 1;
            }
        }

        var checksumBits = bits.Length / 33;
        var entropy = new byte[(bits.Length - checksumBits) / 8];
        for (var bit = 0; bit < entropy.Length * 8; bit++)
        {
            if (bits[bit])
            {
                entropy[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }

        var expected = new bool[checksumBits];
        WriteBits(SHA256.HashData(entropy), expected, 0, checksumBits);
        if (!expected.AsSpan().SequenceEqual(bits.AsSpan(entropy.Length * 8)))
        {
            throw new FormatException("The mnemonic's checksum does not match its words (a word is wrong or out of order).");
        }

        return entropy;
    }

    /// <summary>Checks word count, words and checksum.</summary>
    /// <exception cref="FormatException">See <see cref="ToEntropy"/>.</exception>
    public static void Validate(string mnemonic) => ToEntropy(mnemonic);

    private static void WriteBits(ReadOnlySpan<byte> source, bool[] destination, int offset, int count)
    {
        for (var bit = 0; bit < count; bit++)
        {
            destination[offset + bit] = ((source[bit / 8] >> (7 - (bit % 8))) & 1) == 1;
        }
    }

    /// <summary>Whether this process can NFKD-normalise non-ASCII text (not under InvariantGlobalization).</summary>
    public static bool CanNormalizeUnicode { get; } = "e\u0301".Normalize(NormalizationForm.FormKC) == "\u00e9";

    // ASCII is already in NFKD; other text must be normalised, and silently skipping that would derive another seed.
    private static string Nfkd(string text, string field)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        return CanNormalizeUnicode
            ? text.Normalize(NormalizationForm.FormKD)
            : throw new ArgumentException($"The BIP-39 {field} has non-ASCII characters, and this process cannot NFKD-normalise them (InvariantGlobalization); use ASCII or run with ICU.", field);
    }

    private static string[] LoadWordlist()
    {
        using var stream = typeof(Bip39Mnemonic).Assembly.GetManifestResourceStream("CoCoGen.Chain.Wallet.english.txt")
            ?? throw new InvalidOperationException("The embedded BIP-39 English wordlist is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 2048 ? words : throw new InvalidOperationException($"The BIP-39 wordlist has {words.Length} words, not 2048.");
    }
}
