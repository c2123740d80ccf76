using System.Globalization;
using System.Numerics;
using System.Text;
using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Federation.Records;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// report.html of a run directory, written for an auditor: the audit's verdict with what it checked and what it cannot
/// check, the settlement terms (γ, ρ̂), per organization and round x_i with L and L(−i), the transfer in wei, what it
/// received and paid so far, its bond, the outcome and the transactions; charts per round. Offline: no script, no
/// external asset.
/// </summary>
public static class RunReport
{
    private const string Missing = "—";

    /// <summary>Separates groups of three digits in wei figures: a narrow no-break space.</summary>
    public const char WeiGroupSeparator = '\u202F';
    private static readonly BigInteger WeiPerEther = BigInteger.Pow(10, 18);

    /// <summary>Writes the report into <paramref name="directory"/> (atomically); <paramref name="audit"/> is null before the run is audited.</summary>
    public static void Write(RunDirectory directory, IReadOnlyList<RoundRecord> rounds, FederationSettings settings, AuditReport? audit)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var temporary = directory.ReportFile + ".tmp";
        File.WriteAllText(temporary, Build(rounds, settings, audit), Encoding.UTF8);
        File.Move(temporary, directory.ReportFile, overwrite: true);
    }

    /// <summary>The report's HTML.</summary>
    public static string Build(IReadOnlyList<RoundRecord> rounds, FederationSettings settings, AuditReport? audit)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(settings);
        var ids = rounds.Count == 0 ? [] : rounds[0].Organizations.Select(o => o.Id).ToArray();
        var first = rounds.Count == 0 ? null : rounds[0].Settlement;
        var measures = rounds.Select(r => r.Measure).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var report = new HtmlReportBuilder("CoCoGen.Chain run")
            .Paragraph(Invariant($"{settings.Learning.Organizations} organizations, {settings.Learning.Corpus}, α = {settings.Learning.Alpha}, ρ̄ = {settings.Mechanism.RhoBar}, rule {settings.Mechanism.Rule}, contribution measure {(measures.Length == 0 ? "not recorded" : string.Join(", ", measures))}; {rounds.Count} rounds settled on chain {first?.ChainId} (contract {first?.Contract})."));

        AuditSection(report, audit);
        TermsSection(report, settings, audit, ids);
        Charts(report, rounds, ids, settings);
        RoundsSection(report, rounds);
        OrganizationsSection(report, rounds, ids, settings, audit);
        return report.Build();
    }

    private static void AuditSection(HtmlReportBuilder report, AuditReport? audit)
    {
        report.Heading("Audit");
        if (audit is null)
        {
            report.Status("Not audited yet: run cocogen audit --run <this run directory> (it needs no key) to check every round against the chain.", null)
                .List(SettlementAuditor.BeyondTheChain);
            return;
        }

        report.Status($"Audit {audit.Summary()}.", audit.Passed);
        report.Table(
            [new TableColumn("read"), new TableColumn("value", ColumnKind.Code)],
            [
                ["chain id", Invariant($"{audit.ChainId}")],
                ["contract", audit.Contract ?? Missing],
                ["blocks holding what was checked", audit.Blocks is { } b ? Invariant($"{b.First} … {b.Last}") : Missing],
                ["chain head when read", audit.Blocks is { } h ? Invariant($"{h.Head}") : Missing],
            ]);

        report.Heading("What was checked", 3).Table(
            [new TableColumn("check", ColumnKind.Code), new TableColumn("what it verifies"), new TableColumn("passed", ColumnKind.Number), new TableColumn("failed", ColumnKind.Number)],
            audit.Checks.GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)
            [
                g.Key, AuditCheckNames.Describe(g.Key) ?? string.Empty, Invariant($"{g.Count(c => c.Passed)}"), Invariant($"{g.Count(c => !c.Passed)}"),
            ]));
        var failed = audit.Checks.Where(c => !c.Passed).ToArray();
        if (failed.Length > 0)
        {
            report.Heading("Violations", 3).Table(
                [new TableColumn("round", ColumnKind.Number), new TableColumn("organization"), new TableColumn("check", ColumnKind.Code), new TableColumn("detail", ColumnKind.Prose)],
                failed.Select(c => (IReadOnlyList<string>)[c.Round is { } r ? Invariant($"{r}") : Missing, c.Organization ?? Missing, c.Name, c.Detail]));
        }

        report.Heading("What this audit cannot check", 3).List(audit.NotChecked);
    }

    private static void TermsSection(HtmlReportBuilder report, FederationSettings settings, AuditReport? audit, string[] ids)
    {
        report.Heading("Settlement terms");
        if (audit?.Terms is not { } terms)
        {
            report.Paragraph(Invariant($"From config.json: ρ̄ = {settings.Mechanism.RhoBar}, γ share = {settings.Mechanism.GammaShare}, {settings.Protocol.WeiPerUnit} wei per unit, bond {settings.Protocol.BondEther} ether. The contract's ρ̂ matrix and γ are read by cocogen audit; {(audit is null ? "this report has no audit" : "this audit read none")}."));
            return;
        }

        report.Paragraph(Invariant($"Read from the contract by the audit: γ = {Wad(terms.GammaWad)} ({terms.GammaWad} × 10⁻¹⁸), {terms.WeiPerUnit} wei per unit. Configured: ρ̄ = {settings.Mechanism.RhoBar}, γ share = {settings.Mechanism.GammaShare}."));
        var n = terms.RhoWad.Count;
        string Label(int i) => i < ids.Length ? ids[i] : Invariant($"member {i}");
        report.Paragraph("ρ̂_ij: how much organization i (row) competes with organization j (column).")
            .Table(
                [new TableColumn("ρ̂"), .. Enumerable.Range(0, n).Select(j => new TableColumn(Label(j), ColumnKind.Number))],
                Enumerable.Range(0, n).Select(i => (IReadOnlyList<string>)[Label(i), .. terms.RhoWad[i].Select(w => Wad(w, "F4"))]));
    }

    private static void Charts(HtmlReportBuilder report, IReadOnlyList<RoundRecord> rounds, string[] ids, FederationSettings settings)
    {
        static LineSeries PerOrganization(string id, IEnumerable<ChartPoint> points) => new(id, points.ToArray());
        var ledger = TransferLedger.Of(rounds, null);
        LineSeries[] accuracy = rounds.Any(r => r.Validation is not null)
            ? [new LineSeries("test set", Points(rounds, r => r.TestAccuracy)), new LineSeries("validation subset", Points(rounds, r => r.Validation?.Accuracy ?? double.NaN))]
            : [new LineSeries("test set", Points(rounds, r => r.TestAccuracy))];

        report.Heading("Per round")
            .Figure(SvgChartWriter.Render(new LineChart("Accuracy of the global model", "round", "accuracy", accuracy, WholeNumberX: true)),
                "FedAvg global model after each round: test set, and the round's validation subset when measured.")
            .Figure(SvgChartWriter.Render(new LineChart("Contribution x_i per round", "round", "x_i",
                ids.Select((id, i) => PerOrganization(id, rounds.Select(r => new ChartPoint(r.Round, r.Organizations[i].Contribution)))).ToArray(), WholeNumberX: true)),
                "x_i as submitted on chain (0 for an update not used).")
            .Figure(SvgChartWriter.Render(new LineChart("Net on-chain transfer per round", "round", "ether",
                ids.Select((id, i) => PerOrganization(id, rounds.Select(r => new ChartPoint(r.Round, Ether(r.Organizations[i].ChainNetWei))))).ToArray(), WholeNumberX: true)),
                "payoffTransfer as applied by the contract (positive: received).")
            .Figure(SvgChartWriter.Render(new LineChart("Cumulative net transfer", "round", "ether",
                ids.Select((id, i) => PerOrganization(id, ledger.Where(e => e.Organization == i).Select(e => new ChartPoint(e.Round, (double)(e.ReceivedWei - e.PaidWei) / 1e18)))).ToArray(), WholeNumberX: true)),
                "Received minus paid since round 1: the bond's change.")
            .Figure(SvgChartWriter.Render(new LineChart("Synthetic samples trained on per round", "round", "samples",
                ids.Select((id, i) => PerOrganization(id, rounds.Select(r => new ChartPoint(r.Round, r.Organizations[i].SyntheticSamples)))).ToArray(), WholeNumberX: true)),
                "g_i: samples each organization synthesised (an equal number per class); equal lines overlap, told apart by dash and marker.")
            .Figure(SvgChartWriter.Render(new LineChart("Predicted social welfare per round", "round", "Σ U_i",
                [new LineSeries(settings.Mechanism.Rule, Points(rounds, r => r.SocialWelfare))], WholeNumberX: true)),
                "Σ U_i at the mechanism's guidance.");
    }

    private static void RoundsSection(HtmlReportBuilder report, IReadOnlyList<RoundRecord> rounds)
    {
        report.Heading("Rounds").Table(
            [
                new TableColumn("round", ColumnKind.Number), new TableColumn("measure"), new TableColumn("test accuracy", ColumnKind.Number),
                new TableColumn("test loss", ColumnKind.Number), new TableColumn("L (validation)", ColumnKind.Number), new TableColumn("validation images", ColumnKind.Number),
                new TableColumn("accepted", ColumnKind.Number), new TableColumn("Shapley permutations (seed)", ColumnKind.Number),
                new TableColumn("evidence", ColumnKind.Code), new TableColumn("payoff transfer", ColumnKind.Code), new TableColumn("block", ColumnKind.Number),
            ],
            rounds.Select(r => (IReadOnlyList<string>)
            [
                Invariant($"{r.Round}"), r.Measure ?? Missing, Invariant($"{r.TestAccuracy:P2}"), Invariant($"{r.TestLoss:F4}"),
                r.Validation is { } v ? Invariant($"{v.Loss:F6}") : Missing, r.Validation is { } s ? Invariant($"{s.Size}") : Missing,
                Invariant($"{r.Organizations.Count(o => o.Outcome == UpdateOutcome.Accepted)}/{r.Organizations.Count}"),
                r.ShapleyPermutations > 0 ? Invariant($"{r.ShapleyPermutations} ({r.ShapleySeed})") : Missing,
                r.Evidence ?? Missing, PayoffTransfer(r)?.Hash.ToString() ?? Missing, PayoffTransfer(r) is { } p ? Invariant($"{p.Block}") : Missing,
            ]));

        report.Heading("Timings", 3).Table(
            [
                new TableColumn("round", ColumnKind.Number), new TableColumn("guidance (s)", ColumnKind.Number), new TableColumn("local phase (s)", ColumnKind.Number),
                new TableColumn("synthesis Σ (s)", ColumnKind.Number), new TableColumn("training Σ (s)", ColumnKind.Number), new TableColumn("aggregation (s)", ColumnKind.Number),
                new TableColumn("of which measurement (s)", ColumnKind.Number), new TableColumn("evidence (s)", ColumnKind.Number),
                new TableColumn("settlement (s)", ColumnKind.Number), new TableColumn("total (s)", ColumnKind.Number),
            ],
            rounds.Select(r => (IReadOnlyList<string>)
            [
                Invariant($"{r.Round}"), Invariant($"{r.Timings.Guidance:F2}"), Invariant($"{r.Timings.LocalPhase:F1}"), Invariant($"{r.Timings.Synthesis:F1}"),
                Invariant($"{r.Timings.Training:F1}"), Invariant($"{r.Timings.Aggregation:F2}"), Measured(r, r.Timings.Measurement), Measured(r, r.Timings.Evidence),
                Invariant($"{r.Timings.Settlement:F2}"), Invariant($"{r.Timings.Total:F1}"),
            ]));
    }

    private static void OrganizationsSection(HtmlReportBuilder report, IReadOnlyList<RoundRecord> rounds, string[] ids, FederationSettings settings, AuditReport? audit)
    {
        // The bond as the audit checked it: the deposits it read on chain; before an audit, the configured bond.
        BigInteger[] deposits = audit?.Terms is { } terms
            ? terms.Members.Select(m => m.DepositedWei).ToArray()
            : Enumerable.Repeat(new BigInteger(settings.Protocol.BondEther * 1_000_000_000m) * 1_000_000_000, ids.Length).ToArray();
        var depositSource = audit?.Terms is not null ? "the deposits the audit read on chain" : "the configured bond (not read from the chain: no audit)";
        var ledger = TransferLedger.Of(rounds, deposits);
        var unmeasured = rounds.Where(r => r.Validation is null).Select(r => r.Round).ToArray();

        report.Heading("Organizations")
            .Paragraph($"Bond = deposit plus every transfer so far, with the deposit from {depositSource}. Received and paid are sums over the rounds so far.");
        if (unmeasured.Length > 0)
        {
            report.Paragraph(Invariant($"{unmeasured.Length} of {rounds.Count} rounds carry no validation measurement (recorded before contributions were measured): L and L(−i) are blank there and x_i is the figure the coordinator submitted."));
        }

        report.Table(
            [
                new TableColumn("organization"), new TableColumn("address", ColumnKind.Code), new TableColumn("accepted rounds", ColumnKind.Number),
                new TableColumn("Σ x_i", ColumnKind.Number), new TableColumn("received (wei)", ColumnKind.Number), new TableColumn("paid (wei)", ColumnKind.Number),
                new TableColumn("deposit (wei)", ColumnKind.Number), new TableColumn("bond after the last round (wei)", ColumnKind.Number),
            ],
            ids.Select((id, i) =>
            {
                var last = ledger.LastOrDefault(e => e.Organization == i);
                return (IReadOnlyList<string>)
                [
                    id, rounds[0].Organizations[i].Address.ToString(), Invariant($"{rounds.Count(r => r.Organizations[i].Outcome == UpdateOutcome.Accepted)}/{rounds.Count}"),
                    Invariant($"{rounds.Sum(r => r.Organizations[i].Contribution):G6}"), Wei(last?.ReceivedWei), Wei(last?.PaidWei), Wei(deposits[i]), Wei(last?.BondWei),
                ];
            }));

        for (var i = 0; i < ids.Length; i++)
        {
            var index = i;
            report.Details(Invariant($"{ids[i]}: every round"), section => section.Table(
                [
                    new TableColumn("round", ColumnKind.Number), new TableColumn("outcome", ColumnKind.Prose), new TableColumn("x_i", ColumnKind.Number), new TableColumn("L", ColumnKind.Number),
                    new TableColumn("L(−i)", ColumnKind.Number), new TableColumn("Shapley ± SE", ColumnKind.Number), new TableColumn("verified samples", ColumnKind.Number),
                    new TableColumn("transfer (wei)", ColumnKind.Number), new TableColumn("received so far (wei)", ColumnKind.Number), new TableColumn("paid so far (wei)", ColumnKind.Number),
                    new TableColumn("bond (wei)", ColumnKind.Number), new TableColumn("own vote", ColumnKind.Code), new TableColumn("block", ColumnKind.Number),
                    new TableColumn("round outcome on chain", ColumnKind.Code), new TableColumn("block", ColumnKind.Number),
                ],
                rounds.Select((r, k) =>
                {
                    var o = r.Organizations[index];
                    var entry = ledger[(k * ids.Length) + index];
                    var payoff = PayoffTransfer(r);
                    return (IReadOnlyList<string>)
                    [
                        Invariant($"{r.Round}"), Outcome(o), Invariant($"{o.Contribution:G6}"), r.Validation is { } v ? Invariant($"{v.Loss:F6}") : Missing,
                        o.LossWithout is { } without ? Invariant($"{without:F6}") : Missing,
                        o.Shapley is { } shapley ? Invariant($"{shapley:G4} ± {o.ShapleyStandardError ?? 0:G2}") : Missing,
                        o.VerifiedSamples is { } verified ? Invariant($"{verified}") : Missing,
                        Wei(entry.TransferWei), Wei(entry.ReceivedWei), Wei(entry.PaidWei), Wei(entry.BondWei),
                        Vote(o), o.Vote?.Block is { } vb ? Invariant($"{vb}") : Missing,
                        payoff is { } p ? $"{r.Settlement!.Status}: {p.Hash}" : r.Settlement?.Status ?? Missing, payoff is { } q ? Invariant($"{q.Block}") : Missing,
                    ];
                })));
        }
    }

    private static string Outcome(OrganizationRoundRecord organization) => organization.Outcome switch
    {
        UpdateOutcome.Accepted => "accepted",
        UpdateOutcome.Rejected => $"screened out: {organization.Reason ?? "no reason recorded"}",
        _ => $"straggler: {organization.Reason ?? "no reason recorded"}",
    };

    private static string Vote(OrganizationRoundRecord organization) => organization.Vote switch
    {
        // No vote recorded: silent (which counts as acceptance), or a round settled before contract v2 had votes.
        null => Missing,
        { Accepted: true } vote => $"accepted {vote.Transaction?.ToString() ?? ""}".TrimEnd(),
        { } vote => $"rejected {vote.Transaction?.ToString() ?? ""}: {string.Join("; ", vote.Objections)}",
    };

    // The transaction that ended the round on chain: its settlement or abandonment (a rejection ends at a member's vote;
    // payoffTransfer is how rounds recorded under contract v1 ended).
    private static TransactionRecord? PayoffTransfer(RoundRecord round) =>
        round.Settlement?.Transactions.LastOrDefault(t => t.Step is "settleRound" or "abandonRound" or "payoffTransfer");

    // Timings recorded before contributions were measured read 0: shown as absent, not as free.
    private static string Measured(RoundRecord round, double seconds) =>
        round.Validation is null && seconds == 0 ? Missing : Invariant($"{seconds:F2}");

    private static ChartPoint[] Points(IReadOnlyList<RoundRecord> rounds, Func<RoundRecord, double> value) =>
        rounds.Select(r => new ChartPoint(r.Round, value(r))).ToArray();

    // Exact, with digits grouped by thousands (a narrow no-break space) so 21-digit bonds can be read; audit.json has them plain.
    private static string Wei(BigInteger? wei)
    {
        if (wei is not { } value)
        {
            return Missing;
        }

        var digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture);
        var grouped = new StringBuilder(digits.Length + (digits.Length / 3) + 1);
        if (value.Sign < 0)
        {
            grouped.Append('-');
        }

        for (var k = 0; k < digits.Length; k++)
        {
            if (k > 0 && (digits.Length - k) % 3 == 0)
            {
                grouped.Append(WeiGroupSeparator);
            }

            grouped.Append(digits[k]);
        }

        return grouped.ToString();
    }

    private static string Wad(BigInteger wad, string format = "G6") => ((double)wad / 1e18).ToString(format, CultureInfo.InvariantCulture);

    private static double Ether(string? wei) =>
        wei is null ? double.NaN : (double)BigInteger.Parse(wei, CultureInfo.InvariantCulture) / (double)WeiPerEther;

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
