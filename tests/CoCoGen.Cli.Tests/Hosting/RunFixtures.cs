using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
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
            i, o.Address.ToString(), 100 * Ether, (100 * Ether) + rounds.Aggregate(BigInteger.Zero, (a, r) => a + BigInteger.Parse(r.Organizations[i].ChainNetWei!)))).ToArray();
        checks.AddRange(members.Select(m => new AuditCheck(AuditCheckNames.Bond, null, rounds[0].Organizations[m.Index].Id, true, $"member {m.Index} ({m.Address}): bond {m.BondWei} wei")));
        checks.AddRange(extra);
        var rho = Enumerable.Range(0, n).Select(i => (IReadOnlyList<BigInteger>)Enumerable.Range(0, n).Select(j => i == j ? BigInteger.Zero : Ether / 2 / (n - 1)).ToArray()).ToArray();
        return new AuditReport
        {
            ChainId = 31337,
            Contract = rounds[0].Settlement!.Contract.ToString(),
            Blocks = new AuditedBlocks(24, 299, 301),
            Terms = new AuditedContract(members, rho, 2 * Ether / 1000, 1_000_000_000_000_000),
            RoundsChecked = rounds.Count,
            Checks = checks,
            NotChecked = [.. SettlementAuditor.BeyondTheChain, AuditReport.RecomputationNotRequested],
        };
    }

    // Written as rounds.jsonl holds it and read through the run's own JSON settings, as a recorded round is.
    private static RoundRecord Round(int round, double loss, (UpdateOutcome Outcome, string? Reason, double? Without, long TransferWei)[] organizations)
    {
        var line = new JsonObject
        {
            ["round"] = round,
            ["mechanism"] = "cocogen+",
            ["measure"] = "performance",
            ["guidance"] = new JsonArray(0, 0, 0),
            ["utilities"] = new JsonArray(1, 1, 1),
            ["socialWelfare"] = 3 + round,
            ["predictedGlobalLoss"] = 0.5,
            ["testLoss"] = loss + 0.05,
            ["testAccuracy"] = 0.6 + (0.1 * round),
            ["modelHash"] = Hex(round, 64),
            ["validation"] = new JsonObject
            {
                ["seed"] = Hex(round + 100, 64),
                ["seedHash"] = Hex(round + 200, 64),
                ["poolHash"] = Hex(300, 64),
                ["subsetHash"] = Hex(round + 400, 64),
                ["size"] = 512,
                ["loss"] = loss,
                ["accuracy"] = 0.55 + (0.1 * round),
            },
            ["shapleySeed"] = 7 + round,
            ["shapleyPermutations"] = 64,
            ["evidence"] = Hex(round + 500, 64),
            ["organizations"] = new JsonArray(organizations.Select((o, i) => (JsonNode)new JsonObject
            {
                ["id"] = $"org{i + 1}",
                ["address"] = Hex(i + 1, 40),
                ["outcome"] = o.Outcome.ToString().ToLowerInvariant(),
                ["reason"] = o.Reason,
                ["localSamples"] = 1000 * (i + 1),
                ["verifiedSamples"] = o.Outcome == UpdateOutcome.Accepted ? 1000 * (i + 1) : 0,
                ["lossWithout"] = o.Without,
                ["shapley"] = o.Without is { } w ? (w - loss) * 0.9 : null,
                ["shapleyStandardError"] = o.Without is null ? null : 0.004,
                ["contribution"] = o.Without is { } without ? without - loss : 0,
                ["contributionWad"] = o.Without is { } x ? new BigInteger(Math.Round((x - loss) * 1e6)).ToString(CultureInfo.InvariantCulture) + "000000000000" : "0",
                ["chainNetWei"] = o.TransferWei.ToString(CultureInfo.InvariantCulture),
                ["transferredWei"] = o.TransferWei.ToString(CultureInfo.InvariantCulture),
                ["vote"] = o.Outcome == UpdateOutcome.Accepted
                    ? new JsonObject { ["accepted"] = true, ["objections"] = new JsonArray(), ["transaction"] = Hex((round * 16) + i + 1, 64), ["block"] = (round * 20) + i }
                    : null,
            }).ToArray()),
            ["settlement"] = new JsonObject
            {
                ["chainId"] = 31337,
                ["contract"] = "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                ["status"] = "Settled",
                ["activeMembers"] = organizations.Length,
                ["acceptances"] = organizations.Count(o => o.Outcome == UpdateOutcome.Accepted),
                ["rejections"] = 0,
                ["transactions"] = new JsonArray(
                    Transaction("openRound", (round * 256) + 1, (round * 20) - 1),
                    Transaction("commitContributions", (round * 256) + 2, (round * 20) + 3),
                    Transaction("settleRound", (round * 256) + 3, (round * 20) + 4)),
            },
            ["timings"] = new JsonObject
            {
                ["guidance"] = 0.01, ["localPhase"] = 4, ["training"] = 8, ["aggregation"] = 0.5, ["measurement"] = 0.3, ["evidence"] = 0.05, ["settlement"] = 0.4, ["total"] = 5,
            },
        };
        return line.Deserialize<RoundRecord>(RunJson.Options)!;
    }

    private static JsonObject Transaction(string step, int hash, int block) => new() { ["step"] = step, ["hash"] = Hex(hash, 64), ["block"] = block };

    private static string Hex(int value, int digits) => "0x" + value.ToString($"x{digits}", CultureInfo.InvariantCulture);
}
