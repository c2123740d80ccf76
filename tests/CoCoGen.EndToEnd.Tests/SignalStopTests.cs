using System.Diagnostics;
using System.Text.Json;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// SIGTERM and SIGINT sent to a real `cocogen run` at three points (generator pre-training, a local phase, a
/// settlement): it stops within 10 s at a safe point with a checkpoint, leaves no process behind, and `--resume`
/// ends with the final model of an uninterrupted run.
/// </summary>
[Collection(LocalChainGroup.Name)]
public sealed class SignalStopTests(LocalChainFixture chain) : IDisposable
{
    private static readonly SemaphoreSlim ReferenceGate = new(1, 1);
    private static byte[]? s_referenceModel;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-signal-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string, string> Points => new()
    {
        { "generator", "generator step 1/1: org", "TERM" },
        { "generator", "generator step 1/1: org", "INT" },
        { "local", "round 1 local phase: org", "TERM" },
        { "local", "round 1 local phase: org", "INT" },
        { "settlement", "round 1 settlement: commitContributions mined", "TERM" },
        { "settlement", "round 1 settlement: commitContributions mined", "INT" },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public async Task A_signal_stops_the_run_at_a_safe_point_and_resume_ends_with_the_uninterrupted_model(string point, string marker, string signal)
    {
        var reference = await ReferenceModelAsync();
        var run = Path.Combine(_work, "run");

        // Settling on the local node takes ~0.1 s, less than a test needs to react: the settlement point runs through a
        // proxy that delays each call, so the signal lands between the commitment and the settlement.
        using var slow = point == "settlement" ? CrashingRpcProxy.Slow(chain.RpcUrl, TimeSpan.FromMilliseconds(60)) : null;
        var arguments = slow is null ? Arguments(run) : Arguments(run, ["--rpc-url", slow.Url]);

        using (var first = new CocogenProcess(chain.RepositoryRoot, arguments))
        {
            await first.WaitForOutputAsync(marker, TimeSpan.FromMinutes(5));
            first.Signal(signal);
            var clock = Stopwatch.StartNew();
            var exit = await first.ExitCodeAsync(TimeSpan.FromSeconds(30));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed.TotalSeconds:F1} s:\n{first.Output}");
            Assert.True(exit == 130, $"exit {exit}:\n{first.Output}");
            Assert.Contains($"resume with: cocogen run --out {run} --resume", first.Output, StringComparison.Ordinal);
            Assert.Empty(first.Survivors(chain.ProcessId));
        }

        // The checkpoint says exactly where the run stopped.
        using (var checkpoint = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "checkpoint.json"))))
        {
            var root = checkpoint.RootElement;
            var pending = root.TryGetProperty("pending", out var p) && p.ValueKind != JsonValueKind.Null;
            switch (point)
            {
                case "generator":
                    Assert.Equal(0, root.GetProperty("generatorSteps").GetInt32());
                    Assert.Empty(RunFiles.Rounds(run));
                    break;
                case "local":
                    Assert.Equal(1, root.GetProperty("generatorSteps").GetInt32());
                    Assert.False(pending, "a stop in the local phase keeps no half-trained round");
                    Assert.Empty(RunFiles.Rounds(run));
                    break;
                default:
                    Assert.True(pending, "the stop came inside round 1's settlement, so the checkpoint holds its journal");
                    Assert.Contains("commitContributions", p.GetProperty("journal").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
                    break;
            }
        }

        using var resumed = new CocogenProcess(chain.RepositoryRoot, [.. arguments, "--resume"]);
        Assert.True(await resumed.ExitCodeAsync(TimeSpan.FromMinutes(5)) == 0, resumed.Output);
        Assert.Equal([1, 2], RunFiles.Rounds(run).Select(r => r.GetProperty("round").GetInt32()));
        Assert.Equal(reference, File.ReadAllBytes(Path.Combine(run, "model.safetensors")));
        Assert.Contains("audit passed", resumed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kill_9_leaves_only_the_chain_and_the_run_is_audited_after_it_ended_with_no_flag()
    {
        // A chain of its own that the run itself starts, so the survivor check sees the run's whole tree.
        var chainDirectory = Path.Combine(_work, "chain");
        var port = chain.Port + 1;
        var run = Path.Combine(_work, "killed");
        string[] own = ["--chain-dir", chainDirectory, "--chain-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var arguments = Arguments(run, own);
        try
        {
            using (var first = new CocogenProcess(chain.RepositoryRoot, arguments))
            {
                await first.WaitForOutputAsync("round 1 local phase: org", TimeSpan.FromMinutes(5));
                first.Signal("KILL");
                await first.ExitCodeAsync(TimeSpan.FromSeconds(30));
                var anvil = JsonDocument.Parse(File.ReadAllText(Path.Combine(chainDirectory, "chain.json"))).RootElement.GetProperty("processId").GetInt32();
                Assert.Empty(first.Survivors(anvil));
                Assert.True(Directory.Exists($"/proc/{anvil}"), "the chain outlives the run");
            }

            using (var resumed = new CocogenProcess(chain.RepositoryRoot, [.. arguments, "--resume"]))
            {
                Assert.True(await resumed.ExitCodeAsync(TimeSpan.FromMinutes(5)) == 0, resumed.Output);
            }

            // After the run has ended: no --rpc-url, no key, nothing but the run directory.
            using var audit = new CocogenProcess(chain.RepositoryRoot, "audit", "--run", run);
            Assert.True(await audit.ExitCodeAsync(TimeSpan.FromMinutes(2)) == 0, audit.Output);
            Assert.Contains("audit passed: 2 rounds", audit.Output, StringComparison.Ordinal);
        }
        finally
        {
            using var down = new CocogenProcess(chain.RepositoryRoot, "chain", "down", "--dir", chainDirectory);
            await down.ExitCodeAsync(TimeSpan.FromMinutes(1));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private string[] Arguments(string run, string[]? chainArguments = null)
    {
        var config = RunFiles.WriteConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 120);
        return ["run", "--config", config, "--organizations", "3", "--rounds", "2", "--out", run, .. chainArguments ?? chain.ChainArguments];
    }

    private async Task<byte[]> ReferenceModelAsync()
    {
        await ReferenceGate.WaitAsync();
        try
        {
            if (s_referenceModel is null)
            {
                var run = Path.Combine(_work, "reference");
                using var uninterrupted = new CocogenProcess(chain.RepositoryRoot, Arguments(run));
                Assert.True(await uninterrupted.ExitCodeAsync(TimeSpan.FromMinutes(5)) == 0, uninterrupted.Output);
                s_referenceModel = File.ReadAllBytes(Path.Combine(run, "model.safetensors"));
            }

            return s_referenceModel;
        }
        finally
        {
            ReferenceGate.Release();
        }
    }
}
