using System.Numerics;
using CoCoGen.Chain.Accounts;

namespace CoCoGen.EndToEnd.Tests;

[Collection(ChainGroup.Name)]
public sealed class DistributedRunTests(ChainFixture chain) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-e2e-" + Guid.NewGuid().ToString("N"));

    private static readonly Dictionary<string, string?> NoSharedSecrets = PartyKeystores.NoSharedSecrets;

    [Fact]
    public async Task Three_organization_processes_and_a_coordinator_settle_every_round_and_a_stopped_silo_is_settled_at_zero_without_its_vote()
    {
        var run = Path.Combine(_work, "run");
        var port = FreePort();
        var coordinatorUrl = $"http://127.0.0.1:{port}";

        // Four keystores made by `cocogen keys new`, each under its own passphrase, funded from the node's faucet account;
        // the roster names their addresses before anything starts.
        var keys = await PartyKeystores.CreateAsync(chain, _work, "coordinator", "org1", "org2", "org3");
        var config = RunFiles.WriteDistributedConfiguration(_work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 20, keys, organizations: 3);

        // The rounds, like every agreed setting, are the same for all four processes (an org that disagrees exits 2).
        string[] shared = ["--config", config, "--rpc-url", chain.RpcUrl, "--organizations", "3", "--rounds", "3"];
        string[] KeyOf(string party) => keys.Of(party);
        using var coordinator = new CocogenProcess(chain.RepositoryRoot, NoSharedSecrets, ["coordinator", "--urls", coordinatorUrl, "--out", run, "--verbose", .. shared, .. KeyOf("coordinator")]);
        using var org1 = new CocogenProcess(chain.RepositoryRoot, NoSharedSecrets, ["org", "--id", "org1", "--coordinator", coordinatorUrl, .. shared, .. KeyOf("org1")]);
        using var org2 = new CocogenProcess(chain.RepositoryRoot, NoSharedSecrets, ["org", "--id", "org2", "--coordinator", coordinatorUrl, .. shared, .. KeyOf("org2")]);
        using var org3 = new CocogenProcess(chain.RepositoryRoot, NoSharedSecrets, ["org", "--id", "org3", "--coordinator", coordinatorUrl, .. shared, .. KeyOf("org3")]);

        try
        {
            await RunFiles.WaitForRoundsAsync(run, 1, TimeSpan.FromMinutes(6));
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\ncoordinator:\n{coordinator.Output}\norg1:\n{org1.Output}", timeout);
        }

        org3.Kill();
        var exit = await coordinator.ExitCodeAsync(TimeSpan.FromMinutes(6));

        Assert.True(exit == 0, coordinator.Output);
        var rounds = RunFiles.Rounds(run);
        Assert.Equal(3, rounds.Count);
        Assert.All(rounds, r => Assert.Equal("Settled", r.GetProperty("settlement").GetProperty("status").GetString()));
        var last = rounds[^1].GetProperty("organizations");
        Assert.Equal("straggler", last[2].GetProperty("outcome").GetString());
        Assert.Equal("0", last[2].GetProperty("contributionWad").GetString());
        Assert.Equal("accepted", last[0].GetProperty("outcome").GetString());
        Assert.True(last[0].GetProperty("vote").GetProperty("accepted").GetBoolean());
        Assert.False(last[2].TryGetProperty("vote", out _));
        Assert.Equal(2, rounds[^1].GetProperty("settlement").GetProperty("acceptances").GetInt32());
        Assert.All(rounds.Take(1), r => Assert.Equal(3, r.GetProperty("settlement").GetProperty("acceptances").GetInt32()));

        // Each organization voted from its own keystore's account (the audit below checks every vote's sender); the stopped
        // one was silent, and the two acceptances decided the round.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(keys.AddressOf($"org{i + 1}").ToLowerHex(), last[i].GetProperty("address").GetString());
        }

        Assert.True(File.Exists(Path.Combine(run, "model.safetensors")));
        Assert.True(File.Exists(Path.Combine(run, "report.html")));
        Assert.Equal(0, await org1.ExitCodeAsync(TimeSpan.FromMinutes(1)));

        // Reading needs no key: the audit runs with no keystore, passphrase or mnemonic.
        using var audit = new CocogenProcess(chain.RepositoryRoot, NoSharedSecrets, "audit", "--run", run, "--rpc-url", chain.RpcUrl);
        Assert.True(await audit.ExitCodeAsync(TimeSpan.FromMinutes(2)) == 0, audit.Output);
        Assert.Contains("audit passed", audit.Output, StringComparison.Ordinal);

        // The audit filed what it read and every check, the straggler's missing vote among them, and the report shows it.
        using var filed = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "audit.json")));
        var auditJson = filed.RootElement;
        Assert.True(auditJson.GetProperty("passed").GetBoolean());
        Assert.True(auditJson.GetProperty("blocks").GetProperty("head").GetInt64() >= auditJson.GetProperty("blocks").GetProperty("last").GetInt64());
        Assert.Contains(auditJson.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "vote"
            && c.GetProperty("round").GetInt32() == 3 && c.GetProperty("organization").GetString() == "org3" && c.GetProperty("passed").GetBoolean());
        var report = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Contains("Audit passed: 3 rounds", report, StringComparison.Ordinal);
        Assert.Contains("straggler: ", report, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
