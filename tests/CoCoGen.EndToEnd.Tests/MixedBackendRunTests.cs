namespace CoCoGen.EndToEnd.Tests;

[Collection(ChainGroup.Name)]
public sealed class MixedBackendRunTests(ChainFixture chain) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-e2e-mixed-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Organizations_training_on_the_native_engine_and_on_torch_settle_a_round_together()
    {
        var run = Path.Combine(_work, "run");
        var config = RunFiles.WriteConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 120);
        var coordinatorUrl = $"http://127.0.0.1:{DistributedRunTests.FreePort()}";
        string[] shared = ["--config", config, "--rpc-url", chain.RpcUrl, "--organizations", "2"];
        using var coordinator = new CocogenProcess(chain.RepositoryRoot, ["coordinator", "--urls", coordinatorUrl, "--rounds", "1", "--out", run, "--verbose", .. shared]);
        using var onNative = new CocogenProcess(chain.RepositoryRoot, ["org", "--id", "org1", "--coordinator", coordinatorUrl, "--backend", "native", .. shared]);
        using var onTorch = new CocogenProcess(chain.RepositoryRoot, ["org", "--id", "org2", "--coordinator", coordinatorUrl, "--backend", "torch", .. shared]);

        var exit = await coordinator.ExitCodeAsync(TimeSpan.FromMinutes(10));

        Assert.True(exit == 0, coordinator.Output + "\n--- org2 (torch) ---\n" + onTorch.Output);
        var round = Assert.Single(RunFiles.Rounds(run));
        Assert.Equal("Settled", round.GetProperty("settlement").GetProperty("status").GetString());
        Assert.True(round.GetProperty("settlement").GetProperty("previewMatchesChain").GetBoolean());
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
