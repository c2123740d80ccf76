using System.Numerics;
using CoCoGen.Cli.Hosting;
using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Records;

namespace CoCoGen.Cli.Tests.Hosting;

/// <summary>
/// Runs to report on: a recorded one (Fixtures/recorded-run: a default 12-round, 10-organization run of this build's
/// CI, from before contributions were measured, so none of the measurement fields) and a measured one written here
/// by hand with every new field, an organization screened out, a straggler, and figures simple enough to add up.
/// </summary>
internal static class RunFixtures
{
    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    public static RunDirectory Recorded => new(Path.Combine(AppContext.BaseDirectory, "Fixtures", "recorded-run"));

    public static FederationSettings RecordedSettings => RunDirectory.ReadJson<FederationSettings>(Recorded.ConfigFile);

    public static FederationSettings MeasuredSettings
    {
        get
        {
            var settings = RecordedSettings;
            settings.Learning.Organizations = 3;
            return settings;
        }
    }

    /// <summary>
    /// Three organizations, three rounds, 100-ether deposits. Round 1: L = 0.8, L(−i) = 0.86, 0.83, 0.81, transfers
    /// +3000, −1000, −2000 wei. Round 2: org2 screened out; L = 0.7, L(−1) = 0.75, L(−3) = 0.72; +2500, −1500, −1000.
    /// Round 3: org3 a straggler; L = 0.65, L(−1) = 0.69, L(−2) = 0.67; +1000, +500, −1500.
    /// </summary>
    public static IReadOnlyList<RoundRecord> Measured() =>
    [
        Round(1, 0.80, [(UpdateOutcome.Accepted, null, 0.86, 3000), (UpdateOutcome.Accepted, null, 0.83, -1000), (UpdateOutcome.Accepted, null, 0.81, -2000)]),
        Round(2, 0.70, [(UpdateOutcome.Accepted, null, 0.75, 2500), (UpdateOutcome.Rejected, "update norm 812.5 exceeds 10 × the median norm 3.1", null, -1500), (UpdateOutcome.Accepted, null, 0.72, -1000)]),
        Round(3, 0.65, [(UpdateOutcome.Accepted, null, 0.69, 1000), (UpdateOutcome.Accepted, null, 0.67, 500), (UpdateOutcome.Straggler, "no update within 300 s", null, -1500)]),
    ];

    /// <summary>An audit of <paramref name="rounds"/> as the settlement auditor would report it, with ρ̂ = 0.5 / (n − 1) and γ = 0.002.</summary>
    public static AuditReport AuditOf(IReadOnlyList<RoundRecord> rounds, params AuditCheck[] extra)
    {
        var n = rounds[0].Organizations.Count;
        var checks = new List<AuditCheck>();
        foreach (var round in rounds)
        {
            checks.Add(new AuditCheck(AuditCheckNames.RoundStatus, round.Round, null, true, $"round {round.Round}: Settled on chain"));
            checks.AddRange(round.Organizations.Select(o => new AuditCheck(AuditCheckNames.TransferEvent, round.Round, o.Id, true, $"round {round.Round}, {o.Id}: PayoffTransferred {o.ChainNetWei} wei, as recorded")));
        }

        var members = rounds[0].Organizations.Select((o, i) => new AuditedMember(
            i, o.Address, 100 * Ether, (100 * Ether) + rounds.Aggregate(BigInteger.Zero, (a, r) => a + BigInteger.Parse(r.Organizations[i].ChainNetWei!)))).ToArray();
        checks.AddRange(members.Select(m => new AuditCheck(AuditCheckNames.Bond, null, rounds[0].Organizations[m.Index].Id, true, $"member {m.Index} ({m.Address}): bond {m.BondWei} wei")));
        checks.AddRange(extra);
        var rho = Enumerable.Range(0, n).Select(i => (IReadOnlyList<BigInteger>)Enumerable.Range(0, n).Select(j => i == j ? BigInteger.Zero : Ether / 2 / (n - 1)).ToArray()).ToArray();
        return new AuditReport
        {
            ChainId = 31337,
            Contract = rounds[0].Settlement!.Contract,
            Blocks = new AuditedBlocks(24, 299, 301),
            Terms = new AuditedContract(members, rho, 2 * Ether / 1000, 1_000_000_000_000_000),
            RoundsChecked = rounds.Count,
            Checks = checks,
            NotChecked = [.. SettlementAuditor.BeyondTheChain, AuditReport.RecomputationNotRequested],
        };
    }

    private static RoundRecord Round(int round, double loss, (UpdateOutcome Outcome, string? Reason, double? Without, long TransferWei)[] organizations) => new()
    {
        Round = round,
        Mechanism = "cocogen+",
        Measure = "performance",
        Guidance = [0, 0, 0],
        Utilities = [1, 1, 1],
        SocialWelfare = 3 + round,
        PredictedGlobalLoss = 0.5,
        TestLoss = loss + 0.05,
        TestAccuracy = 0.6 + (0.1 * round),
        ModelHash = $"0x{round:x64}",
        Validation = new ValidationRecord
        {
            Seed = $"0x{round + 100:x64}",
            SeedHash = $"0x{round + 200:x64}",
            PoolHash = $"0x{300:x64}",
            SubsetHash = $"0x{round + 400:x64}",
            Size = 512,
            Loss = loss,
            Accuracy = 0.55 + (0.1 * round),
        },
        ShapleySeed = 7 + round,
        ShapleyPermutations = 64,
        Evidence = $"0x{round + 500:x64}",
        Organizations = organizations.Select((o, i) => new OrganizationRoundRecord
        {
            Id = $"org{i + 1}",
            Address = $"0x{i + 1:x40}",
            Outcome = o.Outcome,
            Reason = o.Reason,
            LocalSamples = 1000 * (i + 1),
            VerifiedSamples = o.Outcome == UpdateOutcome.Accepted ? 1000 * (i + 1) : 0,
            LossWithout = o.Without,
            Shapley = o.Without is { } w ? (w - loss) * 0.9 : null,
            ShapleyStandardError = o.Without is null ? null : 0.004,
            Contribution = o.Without is { } without ? without - loss : 0,
            ContributionWad = o.Without is { } x ? new BigInteger(Math.Round((x - loss) * 1e6)).ToString() + "000000000000" : "0",
            ChainNetWei = o.TransferWei.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SubmitTransaction = o.Outcome == UpdateOutcome.Accepted ? $"0x{(round * 16) + i + 1:x64}" : null,
            SubmitBlock = o.Outcome == UpdateOutcome.Accepted ? (round * 20) + i : null,
        }).ToArray(),
        Settlement = new SettlementRecord
        {
            ChainId = 31337,
            Contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3",
            Status = "Settled",
            Transactions =
            [
                new TransactionRecord("openRound", $"0x{(round * 256) + 1:x64}", (round * 20) - 1),
                new TransactionRecord("closeRound", $"0x{(round * 256) + 2:x64}", (round * 20) + 3),
                new TransactionRecord("payoffTransfer", $"0x{(round * 256) + 3:x64}", (round * 20) + 4),
            ],
        },
        Timings = new RoundTimings { Guidance = 0.01, LocalPhase = 4, Training = 8, Aggregation = 0.5, Measurement = 0.3, Evidence = 0.05, Settlement = 0.4, Total = 5 },
    };
}
