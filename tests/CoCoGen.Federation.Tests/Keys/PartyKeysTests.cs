using CoCoGen.Chain.Keys;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Ledger;

namespace CoCoGen.Federation.Tests.Keys;

public sealed class PartyKeysTests : IDisposable
{
    private const string Passphrase = "org2 passphrase 91c4";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cocogen-party-keys");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void An_organization_process_holds_its_own_key_and_no_other_partys()
    {
        var keystore = Path.Combine(_directory.FullName, "org2.json");
        var passphraseFile = Path.Combine(_directory.FullName, "org2.pass");
        var created = KeyStoreFile.Create(keystore, Passphrase);
        File.WriteAllText(passphraseFile, Passphrase + "\n");

        var keys = PartyKeys.ForOrganization(1, KeystoreSource.Unlock(new ChainOptions { Keystore = keystore, PassphraseFile = passphraseFile, PassphraseVariable = "COCOGEN_TEST_UNSET_VARIABLE" }));

        Assert.Equal(created.GetPublicAddress(), keys.Organization(1).GetPublicAddress());
        Assert.Contains("org1", Assert.Throws<InvalidOperationException>(() => keys.Organization(0)).Message, StringComparison.Ordinal);
        Assert.Contains("coordinator", Assert.Throws<InvalidOperationException>(() => keys.Coordinator()).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => PartyKeys.None.Organization(1));
    }

    [Fact]
    public void A_wrong_passphrase_names_the_keystore_and_the_passphrase_file_and_not_the_passphrase()
    {
        var keystore = Path.Combine(_directory.FullName, "coordinator.json");
        var passphraseFile = Path.Combine(_directory.FullName, "wrong.pass");
        KeyStoreFile.Create(keystore, Passphrase);
        File.WriteAllText(passphraseFile, "wrong secret 5d1e");

        var error = Assert.Throws<PartyKeyException>(() => KeystoreSource.Unlock(new ChainOptions { Keystore = keystore, PassphraseFile = passphraseFile, PassphraseVariable = "COCOGEN_TEST_UNSET_VARIABLE" }));

        Assert.Contains(keystore, error.Message, StringComparison.Ordinal);
        Assert.Contains(passphraseFile, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong secret 5d1e", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Passphrase, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_distributed_shape_requires_a_keystore_and_a_passphrase_source()
    {
        var validator = new ChainOptionsValidator(ProcessRole.Organization);
        var options = new ChainOptions { RpcUrl = "http://127.0.0.1:8545", PassphraseVariable = "COCOGEN_TEST_UNSET_VARIABLE" };
        Assert.Contains(validator.Validate(null, options).Failures!, failure => failure.Contains("Chain:Keystore", StringComparison.Ordinal));

        options.Keystore = Path.Combine(_directory.FullName, "absent.json");
        Assert.Contains(validator.Validate(null, options).Failures!, failure => failure.Contains("absent.json does not exist", StringComparison.Ordinal));

        options.Keystore = Path.Combine(_directory.FullName, "present.json");
        File.WriteAllText(options.Keystore, "{}");
        Assert.Contains(validator.Validate(null, options).Failures!, failure => failure.Contains("COCOGEN_TEST_UNSET_VARIABLE", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_mnemonic_for_the_local_demo_names_its_file_and_not_its_words()
    {
        var file = Path.Combine(_directory.FullName, "mnemonic.txt");
        File.WriteAllText(file, "alpha bravo charlie delta echo foxtrot golfx hotel india juliet kilo lima");
        var failures = new ChainOptionsValidator(ProcessRole.Run).Validate(null, new ChainOptions
        {
            RpcUrl = "http://127.0.0.1:8545",
            MnemonicVariable = "COCOGEN_TEST_UNSET_VARIABLE",
            MnemonicFile = file,
        }).Failures!;

        var failure = Assert.Single(failures, f => f.Contains("mnemonic", StringComparison.Ordinal));
        Assert.Contains(file, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("golfx", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("alpha", failure, StringComparison.Ordinal);
    }
}
