using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// The distributed shape on separate hosts: the chain node, the coordinator and three organizations each run in a
/// network namespace of their own, made by the test (`ip netns`, veth pairs on a bridge), and talk only over that
/// network. The assertions read the run directory and the audit, never settlement internals.
/// A machine that cannot make namespaces fails these tests, naming what is missing.
/// </summary>
[Collection(MultiHostGroup.Name)]
public sealed class MultiHostRunTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-multihost-" + Guid.NewGuid().ToString("N"));
    private readonly string _repositoryRoot = CoCoGen.Chain.Hosting.RepositoryRoot.Find();

    [Fact]
    public async Task A_federation_on_five_hosts_settles_every_round_and_its_audit_recomputes()
    {
        var clock = Stopwatch.StartNew();
        var start = DateTime.UtcNow;
        await using var federation = await NamespacedFederation.StartAsync(_repositoryRoot, _work, organizations: 3, rounds: 2, stragglerTimeoutSeconds: 60);

        var exit = await federation.Coordinator.ExitCodeAsync(TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, federation.Transcript());
        var rounds = RunFiles.Rounds(federation.RunDirectory);
        Assert.Equal(2, rounds.Count);
        Assert.All(rounds, r => Assert.Equal("Settled", r.GetProperty("settlement").GetProperty("status").GetString()));
        Assert.All(rounds, r => Assert.All(r.GetProperty("organizations").EnumerateArray(), o => Assert.Equal("accepted", o.GetProperty("outcome").GetString())));
        foreach (var organization in federation.Organizations)
        {
            Assert.True(await organization.ExitCodeAsync(TimeSpan.FromMinutes(1)) == 0, organization.Output);
        }

        await AssertAuditRecomputesAsync(federation);
        output.WriteLine($"multi-host full run: {clock.Elapsed.TotalSeconds:F1} s (set-up {(federation.Started - start).TotalSeconds:F1} s)");
    }

    [Fact]
    public async Task An_organization_cut_off_mid_round_is_settled_as_a_straggler_and_rejoins_the_next_round()
    {
        var clock = Stopwatch.StartNew();
        var start = DateTime.UtcNow;
        await using var federation = await NamespacedFederation.StartAsync(_repositoryRoot, _work, organizations: 3, rounds: 3, stragglerTimeoutSeconds: 20);
        var org3 = federation.OrganizationHosts[2];

        // Round 1 is recorded once settled; the coordinator then hands out round 2's work: pull org3's cable now
        // (polled often: org3 must not have trained and uploaded in between), and plug it back in once the
        // coordinator has given up on it for round 2.
        await RunFiles.WaitForRoundsAsync(federation.RunDirectory, 1, TimeSpan.FromMinutes(4), TimeSpan.FromMilliseconds(20));
        federation.Network.CutOff(org3);
        var cut = clock.Elapsed;
        await federation.Coordinator.WaitForOutputAsync("org3 is a straggler in round 2", TimeSpan.FromMinutes(2));
        federation.Network.Restore(org3);
        var restored = clock.Elapsed;

        var exit = await federation.Coordinator.ExitCodeAsync(TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, federation.Transcript());
        var rounds = RunFiles.Rounds(federation.RunDirectory);
        Assert.Equal(3, rounds.Count);
        Assert.All(rounds, r => Assert.Equal("Settled", r.GetProperty("settlement").GetProperty("status").GetString()));
        string Outcome(int round, int organization) => rounds[round - 1].GetProperty("organizations")[organization].GetProperty("outcome").GetString()!;

        Assert.Equal("accepted", Outcome(1, 2));
        Assert.Equal("straggler", Outcome(2, 2));
        Assert.Equal("0", rounds[1].GetProperty("organizations")[2].GetProperty("contributionWad").GetString());
        Assert.Equal("accepted", Outcome(3, 2));
        // Back in round 3, org3 recomputed the round itself and accepted it from its own account.
        var vote = rounds[2].GetProperty("organizations")[2].GetProperty("vote");
        Assert.True(vote.GetProperty("accepted").GetBoolean(), federation.Transcript());
        Assert.True(vote.GetProperty("transaction").GetString()!.StartsWith("0x", StringComparison.Ordinal), federation.Transcript());
        for (var round = 1; round <= 3; round++)
        {
            Assert.Equal("accepted", Outcome(round, 0));
            Assert.Equal("accepted", Outcome(round, 1));
        }

        // The same org3 process (never restarted) came back and heard the end of the run. Whether it kept its connection
        // (TCP delivered the late round-2 reply once the cable was back) or rejoined on a new one depends on timing.
        Assert.True(await federation.Organizations[2].ExitCodeAsync(TimeSpan.FromMinutes(1)) == 0, federation.Organizations[2].Output);

        await AssertAuditRecomputesAsync(federation);
        output.WriteLine($"multi-host cut-off run: {clock.Elapsed.TotalSeconds:F1} s (set-up {(federation.Started - start).TotalSeconds:F1} s; cut at {cut.TotalSeconds:F1} s, restored at {restored.TotalSeconds:F1} s)");
        output.WriteLine("org3's log:\n" + federation.Organizations[2].Output);
    }

    // The audit runs in the test's own namespace and reaches the chain host over the virtual network.
    private async Task AssertAuditRecomputesAsync(NamespacedFederation federation)
    {
        var clock = Stopwatch.StartNew();
        using var audit = new CocogenProcess(_repositoryRoot, PartyKeystores.NoSharedSecrets,
            "audit", "--run", federation.RunDirectory, "--rpc-url", federation.Chain.Endpoint.ToString(), "--recompute");
        Assert.True(await audit.ExitCodeAsync(TimeSpan.FromMinutes(3)) == 0, audit.Output);
        Assert.Contains("audit passed", audit.Output, StringComparison.Ordinal);
        using var filed = JsonDocument.Parse(File.ReadAllText(Path.Combine(federation.RunDirectory, "audit.json")));
        Assert.True(filed.RootElement.GetProperty("passed").GetBoolean());
        output.WriteLine($"audit --recompute: {clock.Elapsed.TotalSeconds:F1} s");
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}

// Five processes per test: never beside another collection's processes on a small machine.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiHostGroup
{
    public const string Name = "Multi-host network";
}
