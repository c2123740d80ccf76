using CoCoGen.Federation.Adapters.SeedMechanisms;
using CoCoGen.Mechanism.TradeFl;

namespace CoCoGen.Federation.Tests.SeedMechanisms;

public sealed class TradeFlSweepChartsTests
{
    private static (double, TradeFlSweepRow) Row(double mean, double gamma, TradeFlScheme scheme, double welfare) =>
        (mean, new TradeFlSweepRow(gamma, scheme, welfare, 1.0, 5.0, 0.5));

    [Fact]
    public void OneLinePerSchemeInEachOfTheThreeCharts()
    {
        var charts = TradeFlSweepCharts.Render(
        [
            Row(double.NaN, 0, TradeFlScheme.Dbr, 100), Row(double.NaN, 5e-9, TradeFlScheme.Dbr, 120),
            Row(double.NaN, 0, TradeFlScheme.Wpr, 90), Row(double.NaN, 5e-9, TradeFlScheme.Wpr, 90),
        ]);

        Assert.Equal(["tradefl-welfare.svg", "tradefl-damage.svg", "tradefl-data.svg"], charts.Select(c => c.FileName));
        foreach (var (_, svg) in charts)
        {
            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            Assert.Equal(2, CountOf(svg, "<polyline"));
            Assert.Contains(">DBR<", svg, StringComparison.Ordinal);
            Assert.Contains(">WPR<", svg, StringComparison.Ordinal);
        }

        Assert.Contains("Figs 7–8", charts[0].Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void AGammaMuSweepGetsOneLinePerMeanAndTheFigure10Title()
    {
        var charts = TradeFlSweepCharts.Render(
        [
            Row(0.01, 0, TradeFlScheme.Dbr, 100), Row(0.01, 1e-9, TradeFlScheme.Dbr, 101),
            Row(0.02, 0, TradeFlScheme.Dbr, 99), Row(0.02, 1e-9, TradeFlScheme.Dbr, 100),
            Row(0.03, 0, TradeFlScheme.Dbr, 98), Row(0.03, 1e-9, TradeFlScheme.Dbr, 97),
        ]);

        Assert.Equal(3, CountOf(charts[0].Svg, "<polyline"));
        Assert.Contains("DBR, μ = 0.02", charts[0].Svg, StringComparison.Ordinal);
        Assert.Contains("Fig. 10", charts[0].Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptySweepIsRejected() => Assert.Throws<ArgumentException>(() => TradeFlSweepCharts.Render([]));

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
