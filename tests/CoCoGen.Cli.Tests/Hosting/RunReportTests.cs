using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoCoGen.Cli.Hosting;
using CoCoGen.Federation.Adapters.Audit;

namespace CoCoGen.Cli.Tests.Hosting;

/// <summary>report.html's content, read back through an HTML5 parser, against figures worked out by hand.</summary>
public class RunReportTests
{
    [Fact]
    public void Each_organization_and_round_shows_x_with_L_and_L_without_it_the_transfer_running_totals_bond_outcome_and_transactions()
    {
        var document = Parse(RunReport.Build(RunFixtures.Measured(), RunFixtures.MeasuredSettings, RunFixtures.AuditOf(RunFixtures.Measured())));

        // org1, round 3: x = 0.69 − 0.65; received 3000 + 2500 + 1000 wei, paid nothing; bond 100 ether + 6500 wei.
        var org1 = Row(OrganizationTable(document, "org1"), "3");
        Assert.Equal("accepted", org1["outcome"]);
        Assert.Equal("0.04", org1["x_i"]);
        Assert.Equal("0.650000", org1["L"]);
        Assert.Equal("0.690000", org1["L(−i)"]);
        Assert.Equal("1000", org1["transfer (wei)"]);
        Assert.Equal("6500", org1["received so far (wei)"]);
        Assert.Equal("0", org1["paid so far (wei)"]);
        Assert.Equal("100000000000000006500", org1["bond (wei)"]);
        Assert.Equal("100\u202F000\u202F000\u202F000\u202F000\u202F006\u202F500", org1.Raw("bond (wei)"));
        Assert.Equal($"accepted 0x{49:x64}", org1["own vote"]);
        Assert.Equal(["60", "64"], org1.Blocks);
        Assert.Equal($"Settled: 0x{(3 * 256) + 3:x64}", org1["round outcome on chain"]);
        Assert.Equal("0.054 ± 0.004", Row(OrganizationTable(document, "org1"), "1")["Shapley ± SE"]);

        // org2, round 2: screened out with its reason, x = 0, no L(−i), no vote recorded; paid 1000 + 1500 wei so far.
        var org2 = Row(OrganizationTable(document, "org2"), "2");
        Assert.Equal("screened out: update norm 812.5 exceeds 10 × the median norm 3.1", org2["outcome"]);
        Assert.Equal("0", org2["x_i"]);
        Assert.Equal("0.700000", org2["L"]);
        Assert.Equal("—", org2["L(−i)"]);
        Assert.Equal("-1500", org2["transfer (wei)"]);
        Assert.Equal("-1\u202F500", org2.Raw("transfer (wei)"));
        Assert.Equal("2500", org2["paid so far (wei)"]);
        Assert.Equal("99999999999999997500", org2["bond (wei)"]);
        Assert.Equal("—", org2["own vote"]);

        // org3, round 3: a straggler with its reason; paid 2000 + 1000 + 1500 wei.
        var org3 = Row(OrganizationTable(document, "org3"), "3");
        Assert.Equal("straggler: no update within 300 s", org3["outcome"]);
        Assert.Equal("4500", org3["paid so far (wei)"]);
        Assert.Equal("99999999999999995500", org3["bond (wei)"]);

        // The overview: org2 received 500 and paid 2500 over the run.
        var overview = Row(document.QuerySelectorAll("table").Single(t => Headers(t).Contains("bond after the last round (wei)")), "org2");
        Assert.Equal(["2/3", "500", "2500", "99999999999999998000"],
            [overview["accepted rounds"], overview["received (wei)"], overview["paid (wei)"], overview["bond after the last round (wei)"]]);
        Assert.DoesNotContain(document.QuerySelectorAll("p"), p => p.TextContent.Contains("no validation measurement", StringComparison.Ordinal));
    }

    [Fact]
    public void The_audit_section_gives_the_verdict_the_checks_grouped_and_counted_what_cannot_be_checked_and_the_terms_read()
    {
        var rounds = RunFixtures.Measured();
        var audit = RunFixtures.AuditOf(rounds).With(
            [new AuditCheck("recompute-x", 2, "org3", false, "round 2, org3: x recomputed 0.0125, recorded 0.0200")], []);
        var document = Parse(RunReport.Build(rounds, RunFixtures.MeasuredSettings, audit));

        var status = document.QuerySelector("p.status")!;
        Assert.Contains("status-failed", status.ClassList);
        Assert.Equal("Audit FAILED: 3 rounds, 16 checks, 1 violations.", status.TextContent);

        var read = document.QuerySelectorAll("table").Single(t => Headers(t)[0] == "read");
        Assert.Equal("31337", Row(read, "chain id")["value"]);
        Assert.Equal("24 … 299", Row(read, "blocks holding what was checked")["value"]);
        Assert.Equal("301", Row(read, "chain head when read")["value"]);

        var checks = document.QuerySelectorAll("table").Single(t => Headers(t).Contains("what it verifies"));
        Assert.Equal(("9", "0"), (Row(checks, "transfer-event")["passed"], Row(checks, "transfer-event")["failed"]));
        Assert.Equal(("3", "0"), (Row(checks, "bond")["passed"], Row(checks, "bond")["failed"]));
        Assert.Equal(("0", "1", string.Empty), (Row(checks, "recompute-x")["passed"], Row(checks, "recompute-x")["failed"], Row(checks, "recompute-x")["what it verifies"]));

        var violations = document.QuerySelectorAll("table").Single(t => Headers(t).Contains("detail"));
        Assert.Equal("round 2, org3: x recomputed 0.0125, recorded 0.0200", Row(violations, "2")["detail"]);
        var cannot = document.QuerySelectorAll("h3").Single(h => h.TextContent == "What this audit cannot check").NextElementSibling!;
        Assert.Contains(AuditReport.RecomputationNotRequested, cannot.QuerySelectorAll("li").Select(li => li.TextContent));

        // ρ̂ = 0.5 / (3 − 1) off the diagonal, γ = 0.002, as the audit read them.
        var rho = document.QuerySelectorAll("table").Single(t => Headers(t)[0] == "ρ̂");
        Assert.Equal(["ρ̂", "org1", "org2", "org3"], Headers(rho));
        Assert.Equal(["0.0000", "0.2500", "0.2500"], new[] { "org1", "org2", "org3" }.Select(c => Row(rho, "org1")[c]));
        Assert.Contains(document.QuerySelectorAll("p"), p => p.TextContent.StartsWith("Read from the contract by the audit: γ = 0.002 (2000000000000000 × 10⁻¹⁸)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_recorded_before_contributions_were_measured_and_not_yet_audited_says_so_and_still_accounts_every_wei()
    {
        var rounds = RunFixtures.Recorded.ReadRounds();
        var document = Parse(RunReport.Build(rounds, RunFixtures.RecordedSettings, audit: null));

        var status = document.QuerySelector("p.status")!;
        Assert.Contains("status-unknown", status.ClassList);
        Assert.StartsWith("Not audited yet", status.TextContent, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("p"), p => p.TextContent.StartsWith("12 of 12 rounds carry no validation measurement", StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll("p"), p => p.TextContent.StartsWith("From config.json: ρ̄ = 0.5, γ share = 0.5", StringComparison.Ordinal));

        // Round 1 of org1 as recorded (a v1 run, its own submission carried over as the vote it stands for):
        // x = 0.1471331744657168, +762801976514422 wei, its vote in block 58.
        var org1 = Row(OrganizationTable(document, "org1"), "1");
        Assert.Equal(("0.147133", "—", "—", "—"), (org1["x_i"], org1["L"], org1["L(−i)"], org1["verified samples"]));
        Assert.Equal("762801976514422", org1["transfer (wei)"]);
        Assert.Equal("100000762801976514422", org1["bond (wei)"]);
        Assert.Equal("accepted 0x15fa6dae4721d2a1cd4e7ffe8e952a76c02a4d30bb0bb997cf8aa074c1ac663b", org1["own vote"]);
        Assert.Equal("58", org1.Blocks[0]);
        Assert.StartsWith("Settled: 0x", org1["round outcome on chain"], StringComparison.Ordinal);
        Assert.Equal("—", Row(document.QuerySelectorAll("table").Single(t => Headers(t).Contains("of which measurement (s)")), "1")["of which measurement (s)"]);

        // Every round axis is labelled 1, 2, …, 12: integers, every round.
        var axes = document.QuerySelectorAll("svg[data-x-axis=whole]");
        Assert.Equal(6, axes.Length);
        Assert.All(axes, svg => Assert.Equal(Enumerable.Range(1, 12).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)), svg.QuerySelectorAll("text.x-tick").Select(t => t.TextContent)));
    }

    [Fact]
    public void The_bond_is_the_deposit_the_audit_read_plus_the_transfers()
    {
        var rounds = RunFixtures.Recorded.ReadRounds();
        var audit = RunFixtures.AuditOf(rounds);
        audit = audit with { Terms = audit.Terms! with { Members = audit.Terms.Members.Select(m => m with { DepositedWei = 7 * RunFixtures.Ether }).ToArray() } };
        var document = Parse(RunReport.Build(rounds, RunFixtures.RecordedSettings, audit));

        Assert.Equal("7000762801976514422", Row(OrganizationTable(document, "org1"), "1")["bond (wei)"]);
        Assert.Contains(document.QuerySelectorAll("p"), p => p.TextContent.Contains("the deposits the audit read on chain", StringComparison.Ordinal));
    }

    [Fact]
    public void An_audit_of_an_empty_record_is_reported_as_failed_with_its_one_check()
    {
        var audit = new AuditReport
        {
            ChainId = 31337,
            RoundsChecked = 0,
            Checks = [new AuditCheck(AuditCheckNames.Record, null, null, false, "runs/r/rounds.jsonl holds no settled round")],
            NotChecked = SettlementAuditor.BeyondTheChain,
        };
        var document = Parse(RunReport.Build([], RunFixtures.RecordedSettings, audit));

        Assert.Equal("Audit FAILED: 0 rounds, 1 checks, 1 violations.", document.QuerySelector("p.status")!.TextContent);
        Assert.Equal("runs/r/rounds.jsonl holds no settled round", Row(document.QuerySelectorAll("table").Single(t => Headers(t).Contains("detail")), "—")["detail"]);
        Assert.Contains(document.QuerySelectorAll("p"), p => p.TextContent.EndsWith("this audit read none.", StringComparison.Ordinal));
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static IElement OrganizationTable(IHtmlDocument document, string organization) =>
        document.QuerySelectorAll("details").Single(d => d.QuerySelector("summary")!.TextContent == $"{organization}: every round").QuerySelector("table")!;

    private static string[] Headers(IElement table) => table.QuerySelectorAll("th").Select(th => th.TextContent).ToArray();

    // The row whose first cell is key, by header; a repeated header ("block") keeps its first cell, all are in Blocks.
    private static RowCells Row(IElement table, string key)
    {
        var headers = Headers(table);
        var cells = table.QuerySelectorAll("tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).Single(c => c.Length > 0 && c[0] == key);
        return new RowCells(headers, cells);
    }

    // Wei figures are shown with digits grouped; the indexer reads them plain, Raw as shown.
    private sealed class RowCells(string[] headers, string[] cells)
    {
        public string this[string header] => Raw(header).Replace(RunReport.WeiGroupSeparator.ToString(), string.Empty, StringComparison.Ordinal);

        public string Raw(string header) => cells[Array.IndexOf(headers, header) is >= 0 and var i ? i : throw new KeyNotFoundException(header)];

        public string[] Blocks => headers.Select((h, i) => (h, i)).Where(p => p.h == "block").Select(p => cells[p.i]).ToArray();
    }
}
