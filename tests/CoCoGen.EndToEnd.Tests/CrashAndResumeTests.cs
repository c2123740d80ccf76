namespace CoCoGen.EndToEnd.Tests;

[Collection(ChainGroup.Name)]
public sealed class CrashAndResumeTests(ChainFixture chain) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-e2e-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_run_killed_after_round_1_resumes_at_round_2_settles_no_round_twice_and_ends_with_the_same_model()
    {
        var config = RunFiles.WriteConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 120);
        string[] shared = ["run", "--config", config, "--rpc-url", chain.RpcUrl, "--organizations", "2", "--rounds", "3"];

        var reference = Path.Combine(_work, "reference");
        using (var uninterrupted = new CocogenProcess(chain.RepositoryRoot, [.. shared, "--out", reference]))
        {
            Assert.True(await uninterrupted.ExitCodeAsync(TimeSpan.FromMinutes(6)) == 0, uninterrupted.Output);
        }

        var crashed = Path.Combine(_work, "crashed");
        using (var first = new CocogenProcess(chain.RepositoryRoot, [.. shared, "--out", crashed]))
        {
            await RunFiles.WaitForRoundsAsync(crashed, 1, TimeSpan.FromMinutes(6));
            first.Kill();
        }

        Assert.InRange(RunFiles.Rounds(crashed).Count, 1, 2);
        using var resumed = new CocogenProcess(chain.RepositoryRoot, [.. shared, "--out", crashed, "--resume"]);
        Assert.True(await resumed.ExitCodeAsync(TimeSpan.FromMinutes(6)) == 0, resumed.Output);

        var rounds = RunFiles.Rounds(crashed);
        Assert.Equal([1, 2, 3], rounds.Select(r => r.GetProperty("round").GetInt32()));
        Assert.Equal(
            RunFiles.Rounds(reference).Select(r => r.GetProperty("modelHash").GetString()),
            rounds.Select(r => r.GetProperty("modelHash").GetString()));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(reference, "model.safetensors")),
            File.ReadAllBytes(Path.Combine(crashed, "model.safetensors")));

        // The audit counts RoundSettled events per round: exactly one each.
        using var audit = new CocogenProcess(chain.RepositoryRoot, "audit", "--run", crashed, "--rpc-url", chain.RpcUrl);
        Assert.True(await audit.ExitCodeAsync(TimeSpan.FromMinutes(2)) == 0, audit.Output);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_run_with_a_message_naming_it_and_writes_nothing()
    {
        var run = Path.Combine(_work, "bad");
        using var process = new CocogenProcess(chain.RepositoryRoot, "run", "--rounds", "0", "--alpha", "-1", "--out", run, "--rpc-url", chain.RpcUrl);

        Assert.Equal(2, await process.ExitCodeAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("Protocol:Rounds", process.Output, StringComparison.Ordinal);
        Assert.Contains("Learning:Alpha", process.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run));
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
