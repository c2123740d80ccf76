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
        Assert.Equal(SeriesStyle.Of(0).Color, lines[0].Attribute("stroke")!.Value);
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

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 3)]
    [InlineData(1, 12)]
    [InlineData(1, 40)]
    [InlineData(3, 3)]
    public void A_round_axis_has_whole_number_ticks_covering_every_round(int first, int last)
    {
        var points = Enumerable.Range(first, last - first + 1).Select(r => new ChartPoint(r, r * 0.1)).ToArray();
        var chart = new LineChart("t", "round", "y", [new LineSeries("s", points)], WholeNumberX: true);
        XDocument doc = XDocument.Parse(SvgChartWriter.Render(chart));

        Assert.Equal("whole", doc.Root!.Attribute("data-x-axis")!.Value);
        double[] ticks = doc.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "x-tick")
            .Select(t => double.Parse(t.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(ticks, t => Assert.Equal(Math.Round(t), t));
        Assert.True(ticks[0] <= first && ticks[^1] >= last);
        Assert.InRange(ticks.Length, 2, 14);
        if (last - first <= 12)
        {
            Assert.All(Enumerable.Range(first, last - first + 1), r => Assert.Contains((double)r, ticks));
        }
    }

    [Fact]
    public void Ten_overlapping_series_differ_in_colour_dash_and_marker_and_the_legend_shows_each()
    {
        var same = Enumerable.Range(1, 5).Select(r => new ChartPoint(r, 6000)).ToArray();
        var chart = new LineChart("t", "round", "samples", Enumerable.Range(1, 10).Select(i => new LineSeries($"org{i}", same)).ToArray(), WholeNumberX: true);
        XDocument doc = XDocument.Parse(SvgChartWriter.Render(chart));

        XElement[] groups = doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series").ToArray();
        Assert.Equal(10, groups.Length);
        string[] dashes = groups.Select(g => g.Element(Svg + "polyline")!.Attribute("stroke-dasharray")!.Value).ToArray();
        string[] colours = groups.Select(g => g.Element(Svg + "polyline")!.Attribute("stroke")!.Value).ToArray();
        Assert.Equal(10, dashes.Distinct().Count());
        Assert.Equal(10, colours.Distinct().Count());

        // Seven shapes: each series draws one shape at each of its 5 points, and consecutive series differ.
        string[] shapes = groups.Select(g => g.Attribute("data-marker")!.Value).ToArray();
        Assert.Equal(7, shapes.Distinct().Count());
        Assert.All(shapes.Zip(shapes.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.All(groups, g => Assert.Equal(5, g.Elements().Count(e => e.Name != Svg + "polyline")));

        // The legend draws each series' dash pattern beside its name.
        string[] legend = doc.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "legend").Select(t => t.Value).ToArray();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"org{i}"), legend);
        string[] legendDashes = doc.Root!.Elements(Svg + "line").Select(l => (string?)l.Attribute("stroke-dasharray")).OfType<string>().ToArray();
        Assert.Equal(dashes, legendDashes);
    }

    [Fact]
    public void No_two_of_the_first_seventy_series_styles_look_alike()
    {
        var styles = Enumerable.Range(0, 70).Select(SeriesStyle.Of).ToArray();
        Assert.Equal(70, styles.Select(s => (s.DashArray, s.Marker)).Distinct().Count());
    }
}
