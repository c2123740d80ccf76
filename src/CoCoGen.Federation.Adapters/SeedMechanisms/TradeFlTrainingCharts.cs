using CoCoGen.Federation.Adapters.Reporting;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// TradeFL's trained global models as SVG charts: test loss per round (Figs 13–14), test accuracy per round, and
/// the final accuracy per scheme (Fig. 15), one line or bar per scheme.
/// </summary>
public static class TradeFlTrainingCharts
{
    /// <summary>Renders the charts; each entry is a file name and its SVG document.</summary>
    /// <param name="curves">Each scheme's name and its points, round 0 first.</param>
    public static IReadOnlyList<(string FileName, string Svg)> Render(IReadOnlyList<(string Scheme, IReadOnlyList<TradeFlTrainingPoint> Points)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0 || curves.Any(c => c.Points.Count == 0))
        {
            throw new ArgumentException("every scheme needs at least one point to chart.", nameof(curves));
        }

        LineSeries[] Series(Func<TradeFlTrainingPoint, double> value) =>
            [.. curves.Select(c => new LineSeries(c.Scheme, [.. c.Points.Select(p => new ChartPoint(p.Round, value(p)))]))];

        return
        [
            ("tradefl-trained-loss.svg", SvgChartWriter.Render(new LineChart("TradeFL global model: test loss per round (Figs 13–14)", "FedAvg round", "test cross-entropy", Series(p => p.Loss), WholeNumberX: true))),
            ("tradefl-trained-accuracy.svg", SvgChartWriter.Render(new LineChart("TradeFL global model: test accuracy per round", "FedAvg round", "test accuracy", Series(p => p.Accuracy), WholeNumberX: true))),
            ("tradefl-trained-final-accuracy.svg", SvgChartWriter.Render(new BarChart(
                "TradeFL global model: final accuracy by scheme (Fig. 15)",
                "scheme",
                "test accuracy",
                [.. curves.Select(c => c.Scheme)],
                [new BarSeries("after the last round", [.. curves.Select(c => c.Points[^1].Accuracy)])]))),
        ];
    }
}
