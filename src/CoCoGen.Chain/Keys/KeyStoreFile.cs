using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.Signer;

namespace CoCoGen.Chain.Keys;

/// <summary>
/// One party's key in a Web3 Secret Storage (v3) keystore file, encrypted and decrypted by Nethereum.KeyStore (scrypt,
/// AES-128-CTR, Keccak MAC). Errors name the file and never carry the passphrase or the key.
/// </summary>
public static class KeyStoreFile
{
    /// <summary>
    /// Creates a fresh random key and writes it to <paramref name="path"/> encrypted under <paramref name="passphrase"/>;
    /// refuses to overwrite an existing file. Returns the new key.
    /// </summary>
    /// <exception cref="IOException">The file exists or cannot be written.</exception>
    public static EthECKey Create(string path, string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        var key = EthECKey.GenerateKey();
        var json = new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(passphrase, key.GetPrivateKeyAsBytes(), key.GetPublicAddress());
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(json);
        }

        return key;
    }

    /// <summary>Decrypts the key in <paramref name="path"/> with <paramref name="passphrase"/>.</summary>
    /// <exception cref="KeyUnlockException">The file is missing, is not a v3 keystore, or the passphrase is wrong.</exception>
    public static EthECKey Unlock(string path, string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(passphrase);
        if (!File.Exists(path))
        {
            throw new KeyUnlockException(path, "does not exist");
        }

        var json = File.ReadAllText(path);
        byte[] privateKey;
        try
        {
            privateKey = new KeyStoreService().DecryptKeyStoreFromJson(passphrase, json);
        }
        catch (DecryptionException)
        {
            throw new KeyUnlockException(path, "the passphrase does not open it (MAC mismatch)");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nethereum reports a malformed file as a bare Exception ("Invalid KeyStore json") among others.
            throw new KeyUnlockException(path, "is not a Web3 Secret Storage (v3) keystore");
        }

        var key = new EthECKey(privateKey, true);
        var recorded = new KeyStoreService().GetAddressFromKeyStore(json);
        if (!string.IsNullOrEmpty(recorded) && !string.Equals(recorded.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? recorded : "0x" + recorded, key.GetPublicAddress(), StringComparison.OrdinalIgnoreCase))
        {
            throw new KeyUnlockException(path, "holds a key whose address differs from the address it records");
        }

        return key;
    }
}
