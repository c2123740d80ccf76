using System.Globalization;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Mechanism.TradeFl;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// The TradeFL γ sweep as SVG line charts: social welfare (Figs 7–8, and Fig. 10 when the sweep redraws ρ for several
/// mean competition levels μ), total coopetition damage (Fig. 9) and total data contribution Σ d_i (Fig. 12) against
/// γ, one line per scheme (and per μ).
/// </summary>
public static class TradeFlSweepCharts
{
    private const double GammaUnit = 1e-9;

    /// <summary>Renders the charts; each entry is a file name and its SVG document.</summary>
    /// <param name="rows">Sweep rows with their μ (NaN when the sweep did not vary μ).</param>
    public static IReadOnlyList<(string FileName, string Svg)> Render(IReadOnlyList<(double CompetitionMean, TradeFlSweepRow Row)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("the sweep has no rows to chart.", nameof(rows));
        }

        bool byMean = rows.Any(r => !double.IsNaN(r.CompetitionMean));
        string welfareTitle = byMean ? "TradeFL welfare vs γ and μ (Fig. 10)" : "TradeFL welfare vs γ (Figs 7–8)";
        return
        [
            ("tradefl-welfare.svg", Chart(rows, welfareTitle, "social welfare", r => r.SocialWelfare)),
            ("tradefl-damage.svg", Chart(rows, "TradeFL coopetition damage vs γ (Fig. 9)", "total damage Σ D_i", r => r.TotalDamage)),
            ("tradefl-data.svg", Chart(rows, "TradeFL data contribution vs γ (Fig. 12)", "Σ d_i", r => r.TotalDataFraction)),
        ];
    }

    private static string Chart(IReadOnlyList<(double Mean, TradeFlSweepRow Row)> rows, string title, string yLabel, Func<TradeFlSweepRow, double> value)
    {
        var series = rows
            .GroupBy(r => (r.Row.Scheme, r.Mean))
            .Select(g => new LineSeries(
                Name(g.Key.Scheme, g.Key.Mean),
                [.. g.OrderBy(r => r.Row.Gamma).Select(r => new ChartPoint(r.Row.Gamma / GammaUnit, value(r.Row)))]))
            .ToArray();
        return SvgChartWriter.Render(new LineChart(title, "γ (×10⁻⁹)", yLabel, series));
    }

    private static string Name(TradeFlScheme scheme, double mean)
    {
        string name = scheme.ToString().ToUpperInvariant();
        return double.IsNaN(mean) ? name : $"{name}, μ = {mean.ToString("G4", CultureInfo.InvariantCulture)}";
    }
}
