using System.Numerics;
using System.Text.Json.Nodes;
using CoCoGen.Chain.Keys;
using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Strategies;
using CoCoGen.Federation.Tests.Doubles;
using CoCoGen.Federation.Tests.SeedSettlement;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.Federation.Tests.Audit;

/// <summary>
/// The settlement audit's check list on a real Hardhat node: three scripted organizations settle two rounds through the
/// real contract, then the audit runs on the run directory and on tampered copies of it.
/// </summary>
public sealed class SettlementAuditorOnHardhatTests(HardhatChainFixture chain) : IClassFixture<HardhatChainFixture>, IDisposable
{
    private const int Organizations = 3;
    private const int Rounds = 2;
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cocogen-audit-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_honest_run_passes_every_check_and_the_report_says_what_it_read()
    {
        var (directory, connection) = await SettleAsync();
        using var _ = connection;
        var rounds = directory.ReadRounds();

        var report = await new SettlementAuditor(connection).AuditAsync(directory, CancellationToken.None);

        Assert.True(report.Passed, string.Join("\n", report.Violations));
        Assert.Empty(report.Violations);
        Assert.Equal(Rounds, report.RoundsChecked);
        Assert.Equal(HardhatChainFixture.ChainId, report.ChainId);
        Assert.Equal(rounds[0].Settlement!.Contract.ToString(), report.Contract);

        // Per round: status, settled once, member count, a budget balance and one check per coordinator transaction;
        // per organization: address, transfer event, submission, its receipt, the recomputed transfer; per member: its bond.
        var transactions = rounds.Sum(r => r.Settlement!.Transactions.Count);
        Assert.Equal((Rounds * (4 + (5 * Organizations))) + transactions + Organizations, report.Checks.Count);
        foreach (var name in new[] { AuditCheckNames.MemberAddress, AuditCheckNames.TransferEvent, AuditCheckNames.Submission, AuditCheckNames.SubmissionReceipt, AuditCheckNames.TransferRecomputed })
        {
            Assert.Equal(Rounds * Organizations, report.Checks.Count(c => c.Name == name));
            Assert.All(report.Checks.Where(c => c.Name == name), c => Assert.StartsWith($"round {c.Round}, {c.Organization}:", c.Detail, StringComparison.Ordinal));
        }

        Assert.Equal(Organizations, report.Checks.Count(c => c.Name == AuditCheckNames.Bond));
        Assert.All(report.Checks, c => Assert.NotNull(AuditCheckNames.Describe(c.Name)));

        // The blocks: from the first bond deposit to the last payoff transfer, at or below the head.
        var lastTransfer = rounds[^1].Settlement!.Transactions[^1];
        Assert.StartsWith("payoffTransfer", lastTransfer.Step, StringComparison.Ordinal);
        Assert.NotNull(report.Blocks);
        Assert.Equal(lastTransfer.Block, report.Blocks.Last);
        Assert.InRange(report.Blocks.First, 1, rounds[0].Settlement!.Transactions[0].Block - 1);
        Assert.True(report.Blocks.Head >= report.Blocks.Last);

        // The terms: the members as recorded, a 100-ether deposit each, bonds moved by exactly the recorded transfers,
        // and FixedGuidancePolicy's ρ̂ = 0.5 / (n − 1) = 0.25 off the diagonal.
        Assert.NotNull(report.Terms);
        Assert.Equal(rounds[0].Organizations.Select(o => o.Address.ToString()), report.Terms.Members.Select(m => m.Address));
        for (var i = 0; i < Organizations; i++)
        {
            Assert.Equal(100 * Ether, report.Terms.Members[i].DepositedWei);
            Assert.Equal(100 * Ether + rounds.Aggregate(BigInteger.Zero, (a, r) => a + BigInteger.Parse(r.Organizations[i].ChainNetWei!)), report.Terms.Members[i].BondWei);
            for (var j = 0; j < Organizations; j++)
            {
                Assert.Equal(i == j ? BigInteger.Zero : Ether / 4, report.Terms.RhoWad[i][j]);
            }
        }

        Assert.True(report.Terms.GammaWad > 0);
        // Every round carries its evidence, so the audit does not list x_i among what it cannot check (--recompute checks it).
        Assert.All(rounds, r => Assert.NotNull(r.Evidence));
        Assert.DoesNotContain(report.NotChecked, s => s.StartsWith("x_i from L and L(−i)", StringComparison.Ordinal));

        // audit.json lists every check with its key, round and organization, and reads back as written.
        var file = Path.Combine(_root, "audit.json");
        RunDirectory.WriteJson(file, report);
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal(report.Checks.Count, json["checks"]!.AsArray().Count);
        Assert.Contains(json["checks"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "transfer-event" && c["round"]!.GetValue<int>() == 2
            && c["organization"]!.GetValue<string>() == "org2" && c["passed"]!.GetValue<bool>());
        Assert.Equal(report.Blocks.Head, json["blocks"]!["head"]!.GetValue<long>());
        Assert.Equal("250000000000000000", json["terms"]!["rhoWad"]![0]![1]!.GetValue<string>());
        var read = RunDirectory.ReadJson<AuditReport>(file);
        Assert.Equal(report.Checks, read.Checks);
        Assert.True(read.Passed);
    }

    [Fact]
    public async Task A_changed_transfer_and_a_swapped_submission_fail_exactly_their_checks_naming_round_and_organization()
    {
        var (directory, connection) = await SettleAsync();
        using var _ = connection;

        var changedTransfer = Tampered(directory, "transfer", 2, "org2", o => o["chainNetWei"] = (BigInteger.Parse(o["chainNetWei"]!.GetValue<string>()) + 1).ToString());
        var report = await new SettlementAuditor(connection).AuditAsync(changedTransfer, CancellationToken.None);
        Assert.False(report.Passed);
        var failed = Assert.Single(report.Checks, c => !c.Passed);
        Assert.Equal((AuditCheckNames.TransferEvent, 2, "org2"), (failed.Name, failed.Round, failed.Organization));
        Assert.Equal([failed.Detail], report.Violations);

        var org1Submission = directory.ReadRounds()[0].Organizations[0].SubmitTransaction!.ToString();
        var swapped = Tampered(directory, "swapped", 1, "org3", o => o["submitTransaction"] = org1Submission);
        report = await new SettlementAuditor(connection).AuditAsync(swapped, CancellationToken.None);
        Assert.Equal(
            [(AuditCheckNames.Submission, 1, "org3"), (AuditCheckNames.SubmissionReceipt, 1, "org3")],
            report.Checks.Where(c => !c.Passed).Select(c => (c.Name, c.Round ?? 0, c.Organization)).ToArray());
        Assert.All(report.Violations, v => Assert.StartsWith("round 1, org3:", v, StringComparison.Ordinal));

        // A figure that is not a number is a violation of its check, not a stopped audit.
        var garbled = Tampered(directory, "garbled", 2, "org1", o => o["contributionWad"] = "12x");
        report = await new SettlementAuditor(connection).AuditAsync(garbled, CancellationToken.None);
        Assert.Contains(report.Checks, c => !c.Passed && (c.Name, c.Round, c.Organization) == (AuditCheckNames.Submission, 2, "org1"));
        Assert.All(report.Checks.Where(c => !c.Passed), c => Assert.Equal(2, c.Round));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<(RunDirectory Directory, ChainConnection Connection)> SettleAsync()
    {
        var directory = new RunDirectory(Path.Combine(_root, "run"));
        directory.Create(resume: false);
        var connection = new ChainConnection(chain.Chain.Endpoint, HardhatChainFixture.ChainId,
            PartyKeys.ForLocalDemo(new DevelopmentWallet(DevelopmentWallet.HardhatMnemonic), 0), NullLoggerFactory.Instance);
        var arithmetic = new ChainSettlementArithmetic();
        var channels = Enumerable.Range(0, Organizations).Select(i => new InProcessOrganizationChannel(new OrganizationAgent(
            $"org{i + 1}", new ScriptedLearner(i, TestFederation.Dimension, 1000 + (100 * i)), new ChainMemberAccount(connection, i), arithmetic,
            NullLogger<OrganizationAgent>.Instance))).ToArray();
        var model = new AveragingGlobalModel(TestFederation.Dimension, Organizations);
        var options = new ProtocolOptions
        {
            Rounds = Rounds,
            GeneratorSteps = 1,
            StragglerTimeoutSeconds = 60,
            SubmissionTimeoutSeconds = 60,
            SubmissionWindowSeconds = 600,
            MaxParallelOrganizations = Organizations,
        };
        var coordinator = new RoundCoordinator(
            channels, new GuidedFedAvgStrategy(new FixedGuidancePolicy()), model, new DistanceMeter(model), new ValidationSeeds("audit-test"), arithmetic, new ChainSettlementDeployer(connection), arithmetic,
            directory, options, TimeProvider.System, NullLogger<RoundCoordinator>.Instance);
        await coordinator.RunAsync(resume: false, progress: null, CancellationToken.None);
        return (directory, connection);
    }

    // A copy of the run whose rounds.jsonl has one organization's line of one round edited.
    private RunDirectory Tampered(RunDirectory original, string name, int round, string organization, Action<JsonObject> edit)
    {
        var copy = new RunDirectory(Path.Combine(_root, name));
        Directory.CreateDirectory(copy.Path);
        var lines = File.ReadAllLines(original.RoundsFile).Select(line =>
        {
            var record = JsonNode.Parse(line)!.AsObject();
            if (record["round"]!.GetValue<int>() == round)
            {
                edit(record["organizations"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == organization)!.AsObject());
            }

            return record.ToJsonString();
        });
        File.WriteAllLines(copy.RoundsFile, lines);
        return copy;
    }
}
