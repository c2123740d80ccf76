using System.Numerics;
using System.Text.Json.Nodes;
using CoCoGen.Chain.Keys;
using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Strategies;
using CoCoGen.Federation.Tests.Doubles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.Federation.Tests.Audit;

/// <summary>
/// Contract v2 from the C# side on a real Hardhat node: three scripted organizations settle rounds through the real
/// contract (accept-early, a majority rejecting a wrong commitment, a lone false challenger, a silent majority), and the
/// audit runs on the run directory and on tampered copies of it.
/// </summary>
public sealed class SettlementAuditorOnHardhatTests(HardhatChainFixture chain) : IClassFixture<HardhatChainFixture>, IDisposable
{
    private const int Organizations = 3;
    private const int Rounds = 2;
    private const long SettlementWindowSeconds = 30;
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private static readonly BigInteger CoordinatorBond = 10 * Ether;
    private static readonly BigInteger Stake = Ether;
    private readonly RecordingLoggerProvider _log = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cocogen-audit-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_honest_run_passes_every_check_and_the_report_says_what_it_read()
    {
        var (directory, connection) = await SettleAsync();
        using var _ = connection;
        var rounds = directory.ReadRounds();

        // Accept-early: every organization accepted, so each round settled without waiting for its window.
        Assert.All(rounds, r => Assert.Equal(("Settled", 3, 0), (r.Settlement!.Status, r.Settlement.Acceptances, r.Settlement.Rejections)));
        Assert.All(rounds, r => Assert.Equal(["openRound", "commitContributions", "settleRound"], r.Settlement!.Transactions.Select(t => t.Step)));
        Assert.All(rounds, r => Assert.True(r.Timings.Settlement < SettlementWindowSeconds, $"round {r.Round} settled in {r.Timings.Settlement} s"));

        var report = await new SettlementAuditor(connection).AuditAsync(directory, CancellationToken.None);

        Assert.True(report.Passed, string.Join("\n", report.Violations));
        Assert.Empty(report.Violations);
        Assert.Equal(Rounds, report.RoundsChecked);
        Assert.Equal(HardhatChainFixture.ChainId, report.ChainId);
        Assert.Equal(rounds[0].Settlement!.Contract.ToString(), report.Contract);

        // Per round: status, ended once, member count, opened, committed, a budget balance and one check per coordinator
        // transaction; per organization: address, transfer event, vote, the recomputed transfer; per member: its bond.
        var transactions = rounds.Sum(r => r.Settlement!.Transactions.Count);
        Assert.Equal((Rounds * (6 + (4 * Organizations))) + transactions + Organizations, report.Checks.Count);
        foreach (var name in new[] { AuditCheckNames.MemberAddress, AuditCheckNames.TransferEvent, AuditCheckNames.Vote, AuditCheckNames.TransferRecomputed })
        {
            Assert.Equal(Rounds * Organizations, report.Checks.Count(c => c.Name == name));
            Assert.All(report.Checks.Where(c => c.Name == name), c => Assert.StartsWith($"round {c.Round}, {c.Organization}:", c.Detail, StringComparison.Ordinal));
        }

        Assert.Equal(Organizations, report.Checks.Count(c => c.Name == AuditCheckNames.Bond));
        Assert.All(report.Checks, c => Assert.NotNull(AuditCheckNames.Describe(c.Name)));

        // The blocks: from the first bond deposit to the last settlement, at or below the head.
        var lastTransfer = rounds[^1].Settlement!.Transactions[^1];
        Assert.Equal("settleRound", lastTransfer.Step);
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
            Assert.Equal(100 * Ether + rounds.Aggregate(BigInteger.Zero, (a, r) => a + BigInteger.Parse(r.Organizations[i].TransferredWei!)), report.Terms.Members[i].BondWei);
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
    public async Task A_changed_transfer_and_a_swapped_vote_fail_exactly_their_checks_naming_round_and_organization()
    {
        var (directory, connection) = await SettleAsync();
        using var _ = connection;

        var changedTransfer = Tampered(directory, "transfer", 2, "org2", o => o["transferredWei"] = (BigInteger.Parse(o["transferredWei"]!.GetValue<string>()) + 1).ToString());
        var report = await new SettlementAuditor(connection).AuditAsync(changedTransfer, CancellationToken.None);
        Assert.False(report.Passed);
        var failed = Assert.Single(report.Checks, c => !c.Passed);
        Assert.Equal((AuditCheckNames.TransferEvent, 2, "org2"), (failed.Name, failed.Round, failed.Organization));
        Assert.Equal([failed.Detail], report.Violations);

        var org1Vote = directory.ReadRounds()[0].Organizations[0].Vote!.Transaction!.ToString();
        var swapped = Tampered(directory, "swapped", 1, "org3", o => o["vote"]!["transaction"] = org1Vote);
        report = await new SettlementAuditor(connection).AuditAsync(swapped, CancellationToken.None);
        Assert.Equal(
            [(AuditCheckNames.Vote, 1, "org3")],
            report.Checks.Where(c => !c.Passed).Select(c => (c.Name, c.Round ?? 0, c.Organization)).ToArray());
        Assert.All(report.Violations, v => Assert.StartsWith("round 1, org3:", v, StringComparison.Ordinal));

        // A figure that is not a number is a violation of its check, not a stopped audit.
        var garbled = Tampered(directory, "garbled", 2, "org1", o => o["contributionWad"] = "12x");
        report = await new SettlementAuditor(connection).AuditAsync(garbled, CancellationToken.None);
        Assert.Contains(report.Checks, c => !c.Passed && (c.Name, c.Round, c.Organization) == (AuditCheckNames.Committed, 2, null));
        Assert.All(report.Checks.Where(c => !c.Passed), c => Assert.Equal(2, c.Round));
    }

    [Fact]
    public async Task A_majority_rejecting_a_wrong_commitment_voids_the_round_slashes_the_coordinator_and_the_run_goes_on()
    {
        // The coordinator commits org1's x one unit too high in round 2; every organization checks the x against the evidence.
        var (directory, connection) = await SettleAsync(
            rounds: 3,
            verifiers: run => [new EvidenceFileVerifier(run), new EvidenceFileVerifier(run), new EvidenceFileVerifier(run)],
            deployer: inner => new WrongCommitmentDeployer(inner, round: 2, member: 0, extraWad: Ether));
        using var _ = connection;
        var rounds = directory.ReadRounds();

        Assert.Equal(["Settled", "Rejected", "Settled"], rounds.Select(r => r.Settlement!.Status));
        var rejected = rounds[1];
        Assert.Equal(["openRound", "commitContributions"], rejected.Settlement!.Transactions.Select(t => t.Step));
        Assert.True(rejected.Settlement.Rejections >= 2);
        Assert.All(rejected.Organizations.Where(o => o.Vote is { Accepted: false }), o => Assert.Contains("x of org1 committed", o.Vote!.Objections[0], StringComparison.Ordinal));
        Assert.All(rejected.Organizations, o => Assert.Equal("0", o.TransferredWei));

        // The bonds' effects on chain: each member holds its deposit, the settled rounds' transfers and a third of the
        // slash (stakes returned); the coordinator lost the slash and topped its bond up before round 3.
        var report = await new SettlementAuditor(connection).AuditAsync(directory, CancellationToken.None);
        Assert.True(report.Passed, string.Join("\n", report.Violations));
        Assert.Contains(report.Checks, c => c.Name == AuditCheckNames.Slash && c.Round == 2 && c.Passed);
        var slashShare = CoordinatorBond / Organizations;
        for (var i = 0; i < Organizations; i++)
        {
            var moved = rounds.Aggregate(BigInteger.Zero, (a, r) => a + BigInteger.Parse(r.Organizations[i].TransferredWei!));
            Assert.Equal(100 * Ether + moved + slashShare, report.Terms!.Members[i].BondWei);
        }

        var contract = await ContractAsync(connection, rounds);
        Assert.Equal(CoordinatorBond, await contract.BondOfAsync(await contract.CoordinatorAsync()));
        var coordinatorDeposits = (await contract.EventsAsync<CoCoGen.Chain.Contracts.Settlement.BondDepositedEventDTO>())
            .Where(e => CoCoGen.Chain.Accounts.EthereumAddress.Parse(e.Event.Account) == chain.Sender(0).Address)
            .Aggregate(BigInteger.Zero, (a, e) => a + e.Event.AmountWei);
        Assert.Equal(CoordinatorBond + (slashShare * Organizations), coordinatorDeposits);
    }

    [Fact]
    public async Task A_lone_false_challenger_loses_its_stake_and_a_silent_majority_settles_after_the_window()
    {
        var lone = new ScriptedCommitmentVerifier { Objection = "a false objection" };
        lone.RejectRounds.Add(1);

        var (directory, connection) = await SettleAsync(rounds: 2, verifiers: _ => [new SilentInRound(2), new SilentInRound(2), lone], reviewTimeout: 2);
        using var _ = connection;
        var rounds = directory.ReadRounds();
        Assert.Equal(["Settled", "Settled"], rounds.Select(r => r.Settlement!.Status));

        // Round 1: org3 alone rejected; the round settled by the rule and org3's stake went to org1 and org2.
        var first = rounds[0];
        Assert.Equal((2, 1), (first.Settlement!.Acceptances, first.Settlement.Rejections));
        var net = first.Organizations.Select(o => BigInteger.Parse(o.ChainNetWei!)).ToArray();
        var moved = first.Organizations.Select(o => BigInteger.Parse(o.TransferredWei!)).ToArray();
        Assert.Equal([net[0] + (Stake / 2), net[1] + (Stake / 2), net[2]], moved);
        Assert.Contains("a false objection", first.Organizations[2].Vote!.Objections[0], StringComparison.Ordinal);

        // Round 2: org1 and org2 stayed silent, one acceptance of three decides nothing: settled after the window.
        var second = rounds[1];
        Assert.Equal((1, 0), (second.Settlement!.Acceptances, second.Settlement.Rejections));
        Assert.Null(second.Organizations[0].Vote);
        Assert.Null(second.Organizations[1].Vote);
        var contract = await ContractAsync(connection, rounds);
        var info = await contract.RoundInfoAsync(2);
        var settledAt = await chain.Chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(
            new Nethereum.Hex.HexTypes.HexBigInteger(second.Settlement.Transactions[^1].Block));
        Assert.True((ulong)settledAt.Timestamp.Value > info.ChallengeDeadline);

        var report = await new SettlementAuditor(connection).AuditAsync(directory, CancellationToken.None);
        Assert.True(report.Passed, string.Join("\n", report.Violations));
        Assert.Equal(100 * Ether + moved[2] - Stake + BigInteger.Parse(second.Organizations[2].TransferredWei!), report.Terms!.Members[2].BondWei);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<(RunDirectory Directory, ChainConnection Connection)> SettleAsync(
        int rounds = Rounds,
        Func<RunDirectory, ICommitmentVerifier[]>? verifiers = null,
        Func<ISettlementDeployer, ISettlementDeployer>? deployer = null,
        double reviewTimeout = 60)
    {
        var directory = new RunDirectory(Path.Combine(_root, "run"));
        directory.Create(resume: false);
        var connection = new ChainConnection(chain.Chain.Endpoint, HardhatChainFixture.ChainId,
            PartyKeys.ForLocalDemo(new DevelopmentWallet(DevelopmentWallet.HardhatMnemonic), 0), NullLoggerFactory.Instance);
        var arithmetic = new ChainSettlementArithmetic();
        var verifying = verifiers?.Invoke(directory) ?? Enumerable.Range(0, Organizations).Select(_ => (ICommitmentVerifier)new ScriptedCommitmentVerifier()).ToArray();
        var channels = Enumerable.Range(0, Organizations).Select(i => new InProcessOrganizationChannel(new OrganizationAgent(
            $"org{i + 1}", new ScriptedLearner(i, TestFederation.Dimension, 1000 + (100 * i)), new ChainMemberAccount(connection, i), verifying[i], new ChainSettlementArithmetic(),
            NullLogger<OrganizationAgent>.Instance))).ToArray();
        var model = new AveragingGlobalModel(TestFederation.Dimension, Organizations);
        var options = new ProtocolOptions
        {
            Rounds = rounds,
            GeneratorSteps = 1,
            StragglerTimeoutSeconds = 60,
            ReviewTimeoutSeconds = reviewTimeout,
            MaxParallelOrganizations = Organizations,
            Settlement = new SettlementOptions { ChallengeWindowSeconds = SettlementWindowSeconds, CoordinatorBondEther = 10m, ChallengeStakeEther = 1m },
        };
        ISettlementDeployer settlement = new ChainSettlementDeployer(connection);
        var coordinator = new RoundCoordinator(
            channels, new GuidedFedAvgStrategy(new FixedGuidancePolicy()), model, new DistanceMeter(model), new ValidationSeeds("audit-test"), arithmetic,
            deployer?.Invoke(settlement) ?? settlement, arithmetic, directory, options, TimeProvider.System, new LoggerFactory([_log]).CreateLogger<RoundCoordinator>());
        try
        {
            await coordinator.RunAsync(resume: false, progress: null, CancellationToken.None);
        }
        catch (SettlementException ex)
        {
            throw new SettlementException(ex.Message + "\n" + string.Join("\n", _log.Lines), ex);
        }
        return (directory, connection);
    }

    private async Task<CoCoGen.Chain.Contracts.Settlement.CoCoGenSettlementService> ContractAsync(ChainConnection connection, IReadOnlyList<RoundRecord> rounds) =>
        new(rounds[0].Settlement!.Contract.ToEthereumAddress(), (await connection.EndpointAsync(CancellationToken.None)).Web3);

    // Silent in one round (never answers, so the member casts no vote), accepting in the others.
    private sealed class SilentInRound(int round) : ICommitmentVerifier
    {
        public async Task<CommitmentVerdict> VerifyAsync(string organization, RoundCommitment commitment, MemberRoundFacts facts, CancellationToken cancellationToken)
        {
            if (commitment.Round == round)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return CommitmentVerdict.Accept;
        }
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
