using Nethereum.Accounts.Bip32;
using Nethereum.Signer;

namespace CoCoGen.Chain.Keys;

/// <summary>
/// Keys derived from one BIP-39 mnemonic along m/44'/60'/0'/0/i by Nethereum's <see cref="MinimalHDWallet"/>. Meant for the
/// one-process local demo on a development chain, where one process plays every party; a party of a real
/// federation holds its own key in a keystore (<see cref="KeyStoreFile"/>).
/// </summary>
public sealed class DevelopmentWallet
{
    /// <summary>Hardhat's and Anvil's published development mnemonic (its keys are public).</summary>
    public const string HardhatMnemonic = "test test test test test test test test test test test junk";

    private readonly MinimalHDWallet _wallet;

    /// <summary>Opens the wallet of <paramref name="mnemonic"/> (no BIP-39 passphrase).</summary>
    /// <exception cref="FormatException">
    /// The word count is not 12, 15, 18, 21 or 24, or a word is not in the BIP-39 English list. The message names the
    /// position of the first bad word, never a word.
    /// </exception>
    public DevelopmentWallet(string mnemonic)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        // BIP-39 words are lower case; Nethereum 6.1.0's list spells two of them "FALSE" and "TRUE", so compare ignoring case.
        var words = mnemonic.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is not (12 or 15 or 18 or 21 or 24))
        {
            throw new FormatException($"a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, this one has {words.Length}");
        }

        var unknown = Array.FindIndex(words, word => !Bip39.WordList.Contains(word, StringComparer.OrdinalIgnoreCase));
        if (unknown >= 0)
        {
            throw new FormatException($"word {unknown + 1} of the mnemonic is not in the BIP-39 English word list");
        }

        _wallet = new MinimalHDWallet(string.Join(' ', words), string.Empty);
    }

    /// <summary>The key of account <paramref name="index"/> (m/44'/60'/0'/0/index).</summary>
    public EthECKey Key(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return _wallet.GetEthereumKey(index);
    }
}
