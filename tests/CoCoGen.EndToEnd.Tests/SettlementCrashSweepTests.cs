using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// Kill -9 at settlement steps: the run is killed right after a settlement transaction was mined and before it
/// heard back, then resumed. Every resume must complete, settle no round twice and end with the model of an
/// uninterrupted run. CI kills at a representative subset (the first commitment, the first vote, the last
/// settlement); <c>COCOGEN_CRASH_SWEEP=all</c> kills once after every settlement transaction of the run, the
/// campaign whose latest table is in docs/federation.md.
/// </summary>
[Collection(ChainGroup.Name)]
public sealed class SettlementCrashSweepTests(ChainFixture chain, ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 2;
    private static readonly string[] SettlementSteps = ["openRound", "commitContributions", "commitNet", "acceptCommitment", "rejectCommitment", "settleRound", "abandonRound"];
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-sweep-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_run_killed_right_after_a_settlement_step_was_mined_resumes_settles_no_round_twice_and_ends_with_the_uninterrupted_model()
    {
        var config = RunFiles.WriteConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 120);
        var selectors = CrashingRpcProxy.Selectors(chain.RepositoryRoot);
        string[] Arguments(string rpc, string directory) =>
            ["run", "--config", config, "--rpc-url", rpc, "--organizations", "2", "--rounds", Rounds.ToString(CultureInfo.InvariantCulture), "--out", directory];

        // The uninterrupted run names every transaction it sends.
        var reference = Path.Combine(_work, "reference");
        IReadOnlyList<string> transactions;
        using (var census = new CrashingRpcProxy(chain.RpcUrl, selectors, crashAt: 0, crash: () => { }))
        {
            using var uninterrupted = new CocogenProcess(chain.RepositoryRoot, Arguments(census.Url, reference));
            Assert.True(await uninterrupted.ExitCodeAsync(TimeSpan.FromMinutes(6)) == 0, uninterrupted.Output);
            transactions = census.Transactions;
        }

        // From the first opening on: the round's steps and any bond top-up sent within a round.
        var firstOpening = transactions.ToList().IndexOf("openRound") + 1;
        var steps = Enumerable.Range(Math.Max(1, firstOpening), transactions.Count - Math.Max(1, firstOpening) + 1)
            .Where(k => SettlementSteps.Contains(transactions[k - 1]) || transactions[k - 1] == "depositSubmit").ToArray();
        Assert.True(steps.Length >= 3 * Rounds, $"too few settlement transactions: {string.Join(", ", transactions)}");
        var chosen = Environment.GetEnvironmentVariable("COCOGEN_CRASH_SWEEP") == "all"
            ? steps
            : new[]
            {
                steps.First(k => transactions[k - 1].StartsWith("commit", StringComparison.Ordinal)),
                steps.First(k => transactions[k - 1] is "acceptCommitment" or "rejectCommitment"),
                steps.Last(k => transactions[k - 1] == "settleRound"),
            }.Distinct().ToArray();
        var referenceHashes = RunFiles.Rounds(reference).Select(r => r.GetProperty("modelHash").GetString()).ToArray();
        var referenceModel = File.ReadAllBytes(Path.Combine(reference, "model.safetensors"));

        var table = new StringBuilder("| killed after transaction | function | round | resume | wall s |\n|---|---|---|---|---|\n");
        foreach (var k in chosen)
        {
            var clock = Stopwatch.StartNew();
            var directory = Path.Combine(_work, "crash-" + k.ToString(CultureInfo.InvariantCulture));
            CocogenProcess? victim = null;

            // The proxy stays up after the kill, forwarding everything: a resumed run settles on the endpoint its run recorded.
            using var proxy = new CrashingRpcProxy(chain.RpcUrl, selectors, crashAt: k, crash: () => victim!.Signal("KILL"));
            victim = new CocogenProcess(chain.RepositoryRoot, Arguments(proxy.Url, directory));
            using (victim)
            {
                var code = await victim.ExitCodeAsync(TimeSpan.FromMinutes(6));
                Assert.True(proxy.Crashed, $"transaction {k} ({transactions[k - 1]}) was never sent; the run exited {code}:\n{victim.Output}");
                Assert.Equal(137, code);
            }

            var recordedBefore = RunFiles.Rounds(directory).Count;
            using var resumed = new CocogenProcess(chain.RepositoryRoot, [.. Arguments(proxy.Url, directory), "--resume"]);
            Assert.True(await resumed.ExitCodeAsync(TimeSpan.FromMinutes(6)) == 0, $"resume after transaction {k} ({transactions[k - 1]}) failed:\n{resumed.Output}");

            var rounds = RunFiles.Rounds(directory);
            Assert.Equal(Enumerable.Range(1, Rounds), rounds.Select(r => r.GetProperty("round").GetInt32()));
            Assert.Equal(referenceHashes, rounds.Select(r => r.GetProperty("modelHash").GetString()));
            Assert.Equal(referenceModel, File.ReadAllBytes(Path.Combine(directory, "model.safetensors")));

            // The audit counts the contract's RoundSettled events: exactly one per round.
            using var audit = new CocogenProcess(chain.RepositoryRoot, "audit", "--run", directory, "--rpc-url", chain.RpcUrl);
            Assert.True(await audit.ExitCodeAsync(TimeSpan.FromMinutes(2)) == 0, $"audit after transaction {k} ({transactions[k - 1]}):\n{audit.Output}");
            table.Append(CultureInfo.InvariantCulture, $"| {k} of {transactions.Count} | {transactions[k - 1]} | {recordedBefore + 1} | completed, audit passed | {clock.Elapsed.TotalSeconds:F0} |\n");
        }

        output.WriteLine(table.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
