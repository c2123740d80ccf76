using CoCoGen.Chain.Keys;
using Nethereum.KeyStore;

namespace CoCoGen.Chain.Tests.Keys;

public sealed class KeyStoreFileTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple 7f3a";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cocogen-keystore");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_created_keystore_unlocks_to_the_same_key_and_is_web3_secret_storage_v3()
    {
        var path = Path.Combine(_directory.FullName, "org1.json");
        var created = KeyStoreFile.Create(path, Passphrase);
        var json = File.ReadAllText(path);
        Assert.Contains("\"version\":3", json.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("scrypt", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(created.GetPrivateKeyAsBytes()), json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(created.GetPrivateKeyAsBytes(), KeyStoreFile.Unlock(path, Passphrase).GetPrivateKeyAsBytes());
        // Nethereum reads back the address the file records.
        Assert.Equal(created.GetPublicAddress()[2..].ToLowerInvariant(), new KeyStoreService().GetAddressFromKeyStore(json).Replace("0x", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
        Assert.Throws<IOException>(() => KeyStoreFile.Create(path, Passphrase));
    }

    [Fact]
    public void A_wrong_passphrase_or_a_corrupt_file_names_the_file_and_not_the_secret()
    {
        var path = Path.Combine(_directory.FullName, "coordinator.json");
        KeyStoreFile.Create(path, Passphrase);
        var wrong = Assert.Throws<KeyUnlockException>(() => KeyStoreFile.Unlock(path, "not the passphrase"));
        Assert.Contains(path, wrong.Message, StringComparison.Ordinal);
        Assert.Contains("passphrase", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not the passphrase", wrong.Message, StringComparison.Ordinal);

        var corrupt = Path.Combine(_directory.FullName, "corrupt.json");
        File.WriteAllText(corrupt, "{\"version\":3,\"crypto\":{\"kdf\":\"scrypt\"}}");
        var broken = Assert.Throws<KeyUnlockException>(() => KeyStoreFile.Unlock(corrupt, Passphrase));
        Assert.Contains(corrupt, broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Passphrase, broken.Message, StringComparison.Ordinal);

        var notJson = Path.Combine(_directory.FullName, "not-json.json");
        File.WriteAllText(notJson, "this is not a keystore");
        Assert.Contains(notJson, Assert.Throws<KeyUnlockException>(() => KeyStoreFile.Unlock(notJson, Passphrase)).Message, StringComparison.Ordinal);

        var missing = Path.Combine(_directory.FullName, "missing.json");
        Assert.Contains("does not exist", Assert.Throws<KeyUnlockException>(() => KeyStoreFile.Unlock(missing, Passphrase)).Message, StringComparison.Ordinal);
    }
}
