using System.Xml.Linq;
using CoCoGen.Federation.Adapters.Reporting;

namespace CoCoGen.Federation.Tests.Reporting;

public class SvgChartWriterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Line_chart_is_well_formed_svg_with_one_polyline_per_series_and_a_legend()
    {
        var chart = new LineChart("Welfare <vs> ρ̄", "ρ̄", "SW", [
            new LineSeries("alpha=0.1", [new(0.1, 10), new(0.5, 12), new(0.9, 11)]),
            new LineSeries("alpha=1 & more", [new(0.1, 5), new(0.5, 6), new(0.9, double.NaN)]),
        ]);
        XDocument doc = XDocument.Parse(SvgChartWriter.Render(chart));

        Assert.Equal(Svg + "svg", doc.Root!.Name);
        XElement[] lines = doc.Descendants(Svg + "polyline").ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(3, lines[0].Attribute("points")!.Value.Split(' ').Length);
        Assert.Equal(2, lines[1].Attribute("points")!.Value.Split(' ').Length);
        string[] texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToArray();
        Assert.Contains("Welfare <vs> ρ̄", texts);
        Assert.Contains("alpha=1 & more", texts);
        Assert.Equal(SvgChartWriter.ColorOf(0), lines[0].Attribute("stroke")!.Value);
    }

    [Fact]
    public void Points_map_inside_the_plot_area_with_larger_values_higher()
    {
        var chart = new LineChart("t", "x", "y", [new LineSeries("s", [new(0, 0), new(10, 100)])]);
        XDocument doc = XDocument.Parse(SvgChartWriter.Render(chart));
        double[][] points = doc.Descendants(Svg + "polyline").Single().Attribute("points")!.Value
            .Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.True(points[1][0] > points[0][0]);
        Assert.True(points[1][1] < points[0][1]);
        Assert.All(points, p => Assert.InRange(p[0], 0, 640));
        Assert.All(points, p => Assert.InRange(p[1], 0, 400));
    }

    [Fact]
    public void Bar_chart_draws_one_rect_per_value_and_rejects_ragged_series()
    {
        var chart = new BarChart("SW", "baseline", "welfare", ["A", "B", "C"], [
            new BarSeries("rho=0.1", [1, -2, 3]),
            new BarSeries("rho=0.9", [4, 5, 6]),
        ]);
        XDocument doc = XDocument.Parse(SvgChartWriter.Render(chart));
        Assert.Equal(6, doc.Descendants(Svg + "rect").Count(r => r.Element(Svg + "title") is not null));
        Assert.Throws<ArgumentException>(() => SvgChartWriter.Render(chart with { Categories = ["A", "B"] }));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(16566, 18726)]
    [InlineData(-3.5, 12)]
    [InlineData(5, 5)]
    [InlineData(1e-7, 3e-7)]
    public void Ticks_are_evenly_spaced_and_cover_the_range(double min, double max)
    {
        IReadOnlyList<double> ticks = AxisTicks.For(min, max);
        Assert.True(ticks[0] <= min && ticks[^1] >= max);
        Assert.InRange(ticks.Count, 2, 12);
        double step = ticks[1] - ticks[0];
        for (int k = 2; k < ticks.Count; k++)
        {
            Assert.Equal(step, ticks[k] - ticks[k - 1], step * 1e-6);
        }
    }
}
