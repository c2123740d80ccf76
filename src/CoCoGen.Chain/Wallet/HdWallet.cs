using CoCoGen.Chain.Signing;

namespace CoCoGen.Chain.Wallet;

/// <summary>An HD wallet from a BIP-39 mnemonic; account i is the BIP-44 Ethereum key at m/44'/60'/0'/0/i.</summary>
public sealed class HdWallet
{
    private readonly Bip32ExtendedKey _master;

    /// <summary>Validates the mnemonic (words and checksum) and derives the master key.</summary>
    /// <exception cref="FormatException">The mnemonic is not valid BIP-39.</exception>
    public HdWallet(string mnemonic, string passphrase = "")
    {
        Bip39Mnemonic.Validate(mnemonic);
        _master = Bip32ExtendedKey.FromSeed(Bip39Mnemonic.ToSeed(mnemonic, passphrase));
    }

    /// <summary>Hardhat's and Anvil's default development mnemonic.</summary>
    public const string HardhatMnemonic = "test test test test test test test test test test test junk";

    /// <summary>The key of Ethereum account <paramref name="index"/>.</summary>
    public Secp256k1PrivateKey Account(uint index) => _master.Derive(Bip32Path.Ethereum(index)).Key;

    /// <summary>The key at an arbitrary path.</summary>
    public Secp256k1PrivateKey Key(Bip32Path path) => _master.Derive(path).Key;
}
