namespace CoCoGen.EndToEnd.Tests;

// Bad key material is bad input: exit 2, one line naming the file or variable, and nothing of the secret on stdout or stderr.
[Collection(ChainGroup.Name)]
public sealed class KeyHandlingTests(ChainFixture chain) : IDisposable
{
    private const string Passphrase = "the right passphrase 3e9b";
    private const string WrongPassphrase = "a wrong passphrase 77c1";
    private readonly string _work = Directory.CreateTempSubdirectory("cocogen-keys-e2e").FullName;

    [Fact]
    public async Task A_wrong_passphrase_or_a_corrupt_keystore_exits_2_naming_the_file_without_the_secret()
    {
        var config = RunFiles.WriteConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 20);
        var keystore = Path.Combine(_work, "org1.keystore.json");
        using (var create = new CocogenProcess(chain.RepositoryRoot, new Dictionary<string, string?> { ["COCOGEN_PASSPHRASE"] = Passphrase }, "keys", "new", "--out", keystore))
        {
            Assert.True(await create.ExitCodeAsync(TimeSpan.FromMinutes(2)) == 0, create.Output);
            Assert.DoesNotContain(Passphrase, create.Output, StringComparison.Ordinal);
        }

        // A second `keys new` never overwrites a keystore.
        using (var again = new CocogenProcess(chain.RepositoryRoot, new Dictionary<string, string?> { ["COCOGEN_PASSPHRASE"] = Passphrase }, "keys", "new", "--out", keystore))
        {
            Assert.Equal(2, await again.ExitCodeAsync(TimeSpan.FromMinutes(1)));
            Assert.Contains("exists", again.Output, StringComparison.Ordinal);
        }

        var wrong = Path.Combine(_work, "wrong.pass");
        File.WriteAllText(wrong, WrongPassphrase);
        string[] org = ["org", "--id", "org1", "--coordinator", "http://127.0.0.1:9", "--config", config, "--rpc-url", chain.RpcUrl];
        using (var refused = new CocogenProcess(chain.RepositoryRoot, new Dictionary<string, string?> { ["COCOGEN_PASSPHRASE"] = null }, [.. org, "--keystore", keystore, "--passphrase-file", wrong]))
        {
            Assert.Equal(2, await refused.ExitCodeAsync(TimeSpan.FromMinutes(2)));
            Assert.Contains(keystore, refused.Output, StringComparison.Ordinal);
            Assert.Contains(wrong, refused.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongPassphrase, refused.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Passphrase, refused.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", refused.Output, StringComparison.Ordinal);
        }

        // The passphrase from the environment variable, and a keystore that is not one.
        var corrupt = Path.Combine(_work, "corrupt.keystore.json");
        File.WriteAllText(corrupt, File.ReadAllText(keystore)[..40]);
        using (var broken = new CocogenProcess(chain.RepositoryRoot, new Dictionary<string, string?> { ["COCOGEN_PASSPHRASE"] = Passphrase }, [.. org, "--keystore", corrupt]))
        {
            Assert.Equal(2, await broken.ExitCodeAsync(TimeSpan.FromMinutes(2)));
            Assert.Contains(corrupt, broken.Output, StringComparison.Ordinal);
            Assert.Contains("COCOGEN_PASSPHRASE", broken.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Passphrase, broken.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_invalid_mnemonic_for_the_local_demo_exits_2_naming_the_variable_without_the_words()
    {
        const string mnemonic = "abandon ability able about above absent absorb abstract absurd abuse access accidentx";
        var config = RunFiles.WriteConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 20);
        using var run = new CocogenProcess(chain.RepositoryRoot, new Dictionary<string, string?> { ["COCOGEN_MNEMONIC"] = mnemonic },
            "run", "--config", config, "--rpc-url", chain.RpcUrl, "--out", Path.Combine(_work, "run"), "--rounds", "1");
        Assert.Equal(2, await run.ExitCodeAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("COCOGEN_MNEMONIC", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("accidentx", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("absurd", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
