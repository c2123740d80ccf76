using System.Globalization;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Mechanism.Baselines;
using CoCoGen.Mechanism.Sweeps;

namespace CoCoGen.Cli.Presentation;

/// <summary>Writes a sweep's CSV, SVG charts, findings table and an offline HTML page into a folder.</summary>
internal static class SweepReportWriter
{
    /// <summary>Writes every file and returns their paths.</summary>
    public static IReadOnlyList<string> Write(SweepResult sweep, IReadOnlyList<Finding> findings, string directory, string command)
    {
        Directory.CreateDirectory(directory);
        string axis = sweep.Axis.ToString().ToLowerInvariant();
        string xLabel = sweep.Axis switch
        {
            SweepAxis.Rho => "mean competitive intensity ρ̄",
            SweepAxis.Alpha => "Dirichlet heterogeneity α",
            _ => "compensation rate γ",
        };
        var files = new List<string>();

        string csvPath = Path.Combine(directory, $"sweep-{axis}.csv");
        using (var csv = new StreamWriter(csvPath))
        {
            SweepCsvWriter.Write(sweep, csv);
        }

        files.Add(csvPath);
        string generation = SvgChartWriter.Render(new LineChart(
            $"Average synthetic data at equilibrium vs {xLabel}", xLabel, "average g* (samples)", Lines(sweep, p => p.AverageGeneration)));
        string welfare = SvgChartWriter.Render(new LineChart(
            $"Social welfare at equilibrium vs {xLabel}", xLabel, "social welfare", Lines(sweep, p => p.SocialWelfare)));
        BaselineKind[] kinds = Enum.GetValues<BaselineKind>();
        SweepPoint[] points = sweep.Points.ToArray();
        string baselines = SvgChartWriter.Render(new BarChart(
            "Welfare gain over VCFL by decision rule",
            "point (series, x)",
            "SW − SW(VCFL)",
            points.Select((p, k) => (k + 1).ToString(CultureInfo.InvariantCulture)).ToArray(),
            kinds.Where(k => k != BaselineKind.Vcfl)
                .Select(k => new BarSeries(Name(k), points.Select(p => Welfare(p, k) - Welfare(p, BaselineKind.Vcfl)).ToArray()))
                .ToArray()));
        files.Add(Save(directory, $"{axis}-generation.svg", generation));
        files.Add(Save(directory, $"{axis}-welfare.svg", welfare));
        files.Add(Save(directory, $"{axis}-baselines.svg", baselines));
        files.Add(Save(directory, "findings.md", FindingsEvaluator.ToMarkdown(findings)));

        var html = new HtmlReportBuilder($"CoCoGen+ sweep over {xLabel}")
            .Preformatted(command)
            .Paragraph($"Loss curves per α: {sweep.CurveSource}.")
            .Heading("Which of the paper's findings hold under this model")
            .Table(["#", "paper's finding", "holds here", "numbers"], findings.Select(f => (IReadOnlyList<string>)[
                f.Number.ToString(CultureInfo.InvariantCulture), f.Claim, f.Holds ? "yes" : "no", f.Evidence]))
            .Heading("Charts")
            .Figure(generation, "Average generation at equilibrium (paper Figs 4/5, top rows)")
            .Figure(welfare, "Social welfare at equilibrium (paper Figs 4/5, bottom rows)")
            .Figure(baselines, "Welfare of CoCoGen+ and the baselines relative to VCFL at each point (paper Fig. 7); points numbered as in the table below")
            .Heading("Points")
            .Table(
                ["point", "series", "x", "ρ̄", "γ", "solver", "certified", "avg g*", .. kinds.Select(k => "SW " + Name(k))],
                points.Select((p, k) => (IReadOnlyList<string>)[
                    (k + 1).ToString(CultureInfo.InvariantCulture), p.Series, F(p.X), F(p.Rho), F(p.Gamma), p.Solver.ToString(),
                    p.CertificateHolds ? "yes" : "no", F(p.AverageGeneration), .. kinds.Select(kind => F(Welfare(p, kind))),
                ]))
            .Build();
        files.Add(Save(directory, "index.html", html));
        return files;
    }

    private static LineSeries[] Lines(SweepResult sweep, Func<SweepPoint, double> value) =>
        sweep.Series
            .Select(name => new LineSeries(name, sweep.Points.Where(p => p.Series == name).Select(p => new ChartPoint(p.X, value(p))).ToArray()))
            .ToArray();

    private static double Welfare(SweepPoint point, BaselineKind kind) => point.Baselines.Single(b => b.Kind == kind).SocialWelfare;

    private static string Name(BaselineKind kind) => BaselineLabels.Of(kind);

    private static string Save(string directory, string name, string content)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
