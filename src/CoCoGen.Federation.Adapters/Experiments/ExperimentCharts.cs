using System.Globalization;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Mechanism.Experiments;

namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>
/// The experiment's SVG charts, each point the mean over seeds with its 95 % t-interval as a band: realised welfare,
/// test loss and cost against α and ρ̄ (one line per rule), and CoCoGen+'s realised and predicted welfare and its
/// generation against the γ share.
/// </summary>
public static class ExperimentCharts
{
    /// <summary>Renders the charts the grid has points for; each entry is a file name and its SVG document.</summary>
    public static IReadOnlyList<(string Name, string Svg)> Render(IReadOnlyList<ExperimentSummaryRow> rows, ExperimentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        var charts = new List<(string, string)>();
        var alphaRows = rows.Where(r => r.Point.RhoBar == settings.CentreRhoBar && r.Point.GammaShare == settings.CentreGammaShare && settings.Alphas.Contains(r.Point.Alpha)).ToArray();
        var rhoRows = rows.Where(r => r.Point.Alpha == settings.CentreAlpha && r.Point.GammaShare == settings.CentreGammaShare).ToArray();
        var gammaRows = rows.Where(r => r.Point.Alpha == settings.CentreAlpha && r.Point.RhoBar == settings.CentreRhoBar && r.Point.Rule == "cocogen+").ToArray();
        if (alphaRows.Length > 0)
        {
            charts.Add(("alpha-welfare.svg", ByRule(alphaRows, r => r.Point.Alpha, r => r.RealisedWelfare, "Realised social welfare vs α (ρ̄ " + N(settings.CentreRhoBar) + ")", "Dirichlet α", "realised SW")));
            charts.Add(("alpha-loss.svg", ByRule(alphaRows, r => r.Point.Alpha, r => r.TestLoss, "Measured test loss vs α", "Dirichlet α", "test loss of the global model")));
            charts.Add(("alpha-cost.svg", ByRule(alphaRows, r => r.Point.Alpha, r => r.Cost, "Realised cost vs α", "Dirichlet α", "Σ cost")));
        }

        if (rhoRows.Select(r => r.Point.RhoBar).Distinct().Count() > 1)
        {
            charts.Add(("rho-welfare.svg", ByRule(rhoRows, r => r.Point.RhoBar, r => r.RealisedWelfare, "Realised social welfare vs ρ̄ (α " + N(settings.CentreAlpha) + ")", "mean competitive intensity ρ̄", "realised SW")));
        }

        if (gammaRows.Select(r => r.Point.GammaShare).Distinct().Count() > 1)
        {
            var ordered = gammaRows.OrderBy(r => r.Point.GammaShare).ToArray();
            charts.Add(("gamma-welfare.svg", SvgChartWriter.Render(new LineChart(
                "CoCoGen+ welfare vs γ (α " + N(settings.CentreAlpha) + ", ρ̄ " + N(settings.CentreRhoBar) + ")",
                "γ / min φ",
                "social welfare",
                [Series("realised", ordered, r => r.Point.GammaShare, r => r.RealisedWelfare), Series("model only", ordered, r => r.Point.GammaShare, r => r.PredictedWelfare)]))));
            charts.Add(("gamma-generation.svg", SvgChartWriter.Render(new LineChart(
                "CoCoGen+ generation vs γ", "γ / min φ", "mean g_i", [Series("cocogen+", ordered, r => r.Point.GammaShare, r => r.MeanDecided)]))));
        }

        return charts;
    }

    private static string ByRule(IReadOnlyList<ExperimentSummaryRow> rows, Func<ExperimentSummaryRow, double> x, Func<ExperimentSummaryRow, MeanInterval> y, string title, string xLabel, string yLabel) =>
        SvgChartWriter.Render(new LineChart(
            title,
            xLabel,
            yLabel,
            [.. rows.GroupBy(r => r.Point.Rule).Select(g => Series(g.Key, [.. g.OrderBy(x)], x, y))]));

    private static LineSeries Series(string name, IReadOnlyList<ExperimentSummaryRow> rows, Func<ExperimentSummaryRow, double> x, Func<ExperimentSummaryRow, MeanInterval> y) =>
        new(name, [.. rows.Select(r => new ChartPoint(x(r), y(r).Mean, y(r).Lower, y(r).Upper))]);

    private static string N(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
