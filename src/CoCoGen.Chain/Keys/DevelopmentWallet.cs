using NBitcoin;
using Nethereum.Signer;

namespace CoCoGen.Chain.Keys;

/// <summary>
/// Keys derived from one BIP-39 mnemonic along m/44'/60'/0'/0/i with NBitcoin's <see cref="Mnemonic"/> and
/// <see cref="ExtKey"/> (the BIP-32/39 implementation Nethereum.HdWallet itself builds on), handed over as Nethereum
/// <see cref="EthECKey"/>s. NBitcoin rather than Nethereum's own <c>MinimalHDWallet</c> because BIP-32 allows seeds of 16
/// to 64 bytes and MinimalHDWallet takes only 64, so BIP-32's first test vector could not be run against it. Meant for
/// the one-process local demo on a development chain, where one process plays every party; a party of a real
/// federation holds its own key in a keystore (<see cref="KeyStoreFile"/>).
/// </summary>
public sealed class DevelopmentWallet
{
    /// <summary>Hardhat's and Anvil's published development mnemonic (its keys are public).</summary>
    public const string HardhatMnemonic = "test test test test test test test test test test test junk";

    /// <summary>BIP-44's path of Ethereum's external accounts; account i is this + "/i".</summary>
    public const string AccountsPath = "m/44'/60'/0'/0";

    private readonly ExtKey _master;

    /// <summary>Opens the wallet of <paramref name="mnemonic"/> (no BIP-39 passphrase).</summary>
    /// <exception cref="FormatException">
    /// The word count is not 12, 15, 18, 21 or 24, or a word is not in the BIP-39 English list. The message names the
    /// position of the first bad word, never a word.
    /// </exception>
    public DevelopmentWallet(string mnemonic)
        : this(Words(mnemonic).DeriveSeed(string.Empty))
    {
    }

    /// <summary>The wallet of a BIP-32 seed (16 to 64 bytes; a BIP-39 mnemonic gives 64).</summary>
    internal DevelopmentWallet(byte[] seed) => _master = ExtKey.CreateFromSeed(seed);

    /// <summary>The key of account <paramref name="index"/> (m/44'/60'/0'/0/index).</summary>
    public EthECKey Key(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new EthECKey(Derive($"{AccountsPath}/{index}").PrivateKey.ToBytes(), true);
    }

    /// <summary>The extended key at a BIP-32 path such as <c>m/0'/1/2'</c>.</summary>
    internal ExtKey Derive(string path) => _master.Derive(KeyPath.Parse(path));

    private static Mnemonic Words(string mnemonic)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        var words = mnemonic.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is not (12 or 15 or 18 or 21 or 24))
        {
            throw new FormatException($"a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, this one has {words.Length}");
        }

        var unknown = Array.FindIndex(words, word => !Wordlist.English.WordExists(word, out _));
        if (unknown >= 0)
        {
            throw new FormatException($"word {unknown + 1} of the mnemonic is not in the BIP-39 English word list");
        }

        return new Mnemonic(string.Join(' ', words), Wordlist.English);
    }
}
