namespace CoCoGen.EndToEnd.Tests;

[Collection(ChainGroup.Name)]
public sealed class MixedBackendRunTests(ChainFixture chain) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-e2e-mixed-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Organizations_training_on_the_native_engine_and_on_torch_settle_a_round_together()
    {
        var run = Path.Combine(_work, "run");
        var coordinatorUrl = $"http://127.0.0.1:{DistributedRunTests.FreePort()}";
        var keys = await PartyKeystores.CreateAsync(chain, _work, "coordinator", "org1", "org2");
        var config = RunFiles.WriteDistributedConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 120, keys, organizations: 2);
        string[] shared = ["--config", config, "--rpc-url", chain.RpcUrl, "--organizations", "2", "--rounds", "1"];
        var secrets = PartyKeystores.NoSharedSecrets;
        using var coordinator = new CocogenProcess(chain.RepositoryRoot, secrets, ["coordinator", "--urls", coordinatorUrl, "--out", run, "--verbose", .. shared, .. keys.Of("coordinator")]);
        using var onNative = new CocogenProcess(chain.RepositoryRoot, secrets, ["org", "--id", "org1", "--coordinator", coordinatorUrl, "--backend", "native", .. shared, .. keys.Of("org1")]);
        using var onTorch = new CocogenProcess(chain.RepositoryRoot, secrets, ["org", "--id", "org2", "--coordinator", coordinatorUrl, "--backend", "torch", .. shared, .. keys.Of("org2")]);

        var exit = await coordinator.ExitCodeAsync(TimeSpan.FromMinutes(10));

        Assert.True(exit == 0, coordinator.Output + "\n--- org2 (torch) ---\n" + onTorch.Output);
        var round = Assert.Single(RunFiles.Rounds(run));
        Assert.Equal("Settled", round.GetProperty("settlement").GetProperty("status").GetString());
        var organizations = round.GetProperty("organizations");
        Assert.Equal("accepted", organizations[0].GetProperty("outcome").GetString());
        Assert.Equal("accepted", organizations[1].GetProperty("outcome").GetString());
        Assert.Equal(0, await onTorch.ExitCodeAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, await onNative.ExitCodeAsync(TimeSpan.FromMinutes(1)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
