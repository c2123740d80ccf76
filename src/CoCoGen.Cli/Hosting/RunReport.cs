using System.Globalization;
using System.Numerics;
using System.Text;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Federation.Records;

namespace CoCoGen.Cli.Hosting;

/// <summary>report.html of a run directory: accuracy, welfare, generation and transfers per round, timings; offline.</summary>
public static class RunReport
{
    /// <summary>Writes the report for <paramref name="rounds"/> into <paramref name="directory"/>.</summary>
    public static void Write(RunDirectory directory, IReadOnlyList<RoundRecord> rounds, FederationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(settings);
        File.WriteAllText(directory.ReportFile, Build(rounds, settings), Encoding.UTF8);
    }

    /// <summary>The report's HTML.</summary>
    public static string Build(IReadOnlyList<RoundRecord> rounds, FederationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(settings);
        var ids = rounds.Count == 0 ? [] : rounds[0].Organizations.Select(o => o.Id).ToArray();
        var first = rounds.Count == 0 ? null : rounds[0].Settlement;
        var report = new HtmlReportBuilder("CoCoGen.Chain run")
            .Paragraph(Invariant($"{settings.Learning.Organizations} organizations, Fashion-MNIST, α = {settings.Learning.Alpha}, ρ̄ = {settings.Mechanism.RhoBar}, rule {settings.Mechanism.Rule}, {rounds.Count} rounds settled on chain {first?.ChainId} (contract {first?.Contract})."));

        report.Heading("Test accuracy").Figure(SvgChartWriter.Render(new LineChart("Test accuracy per round", "round", "accuracy",
            [new LineSeries("global model", rounds.Select(r => new ChartPoint(r.Round, r.TestAccuracy)).ToArray())])), "FedAvg global model on the test set after each round.");
        report.Heading("Social welfare").Figure(SvgChartWriter.Render(new LineChart("Predicted social welfare per round", "round", "Σ U_i",
            [new LineSeries(settings.Mechanism.Rule, rounds.Select(r => new ChartPoint(r.Round, r.SocialWelfare)).ToArray())])), "Σ U_i at the mechanism's guidance.");
        report.Heading("Generation").Figure(SvgChartWriter.Render(new LineChart("Synthetic samples trained on per round", "round", "samples",
            ids.Select((id, i) => new LineSeries(id, rounds.Select(r => new ChartPoint(r.Round, r.Organizations[i].SyntheticSamples)).ToArray())).ToArray())), "g_i: samples each organization synthesised (an equal number per class).");
        report.Heading("Transfers").Figure(SvgChartWriter.Render(new LineChart("Net on-chain transfer per round", "round", "ether",
            ids.Select((id, i) => new LineSeries(id, rounds.Select(r => new ChartPoint(r.Round, Ether(r.Organizations[i].ChainNetWei))).ToArray())).ToArray())), "payoffTransfer as applied by the contract (positive: received).");

        report.Heading("Rounds").Table(
            ["round", "accuracy", "test loss", "accepted", "guidance (s)", "local (s)", "synthesis Σ (s)", "training Σ (s)", "aggregation (s)", "settlement (s)", "total (s)", "transfer block"],
            rounds.Select(r => (IReadOnlyList<string>)
            [
                Invariant($"{r.Round}"), Invariant($"{r.TestAccuracy:P2}"), Invariant($"{r.TestLoss:F4}"),
                Invariant($"{r.Organizations.Count(o => o.Outcome == UpdateOutcome.Accepted)}/{r.Organizations.Count}"),
                Invariant($"{r.Timings.Guidance:F2}"), Invariant($"{r.Timings.LocalPhase:F1}"), Invariant($"{r.Timings.Synthesis:F1}"),
                Invariant($"{r.Timings.Training:F1}"), Invariant($"{r.Timings.Aggregation:F1}"), Invariant($"{r.Timings.Settlement:F1}"),
                Invariant($"{r.Timings.Total:F1}"), Invariant($"{(r.Settlement is { Transactions.Count: > 0 } s ? s.Transactions[^1].Block : null)}"),
            ]));
        var excluded = rounds.SelectMany(r => r.Organizations.Where(o => o.Outcome != UpdateOutcome.Accepted).Select(o => (IReadOnlyList<string>)
            [Invariant($"{r.Round}"), o.Id, o.Outcome.ToString(), o.Reason ?? string.Empty])).ToArray();
        if (excluded.Length > 0)
        {
            report.Heading("Updates left out").Table(["round", "organization", "outcome", "reason"], excluded);
        }

        return report.Build();
    }

    private static double Ether(string? wei) =>
        wei is null ? 0 : (double)BigInteger.Parse(wei, CultureInfo.InvariantCulture) / 1e18;

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
