using System.Globalization;
using System.Text;

namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>
/// Renders <see cref="LineChart"/> and <see cref="BarChart"/> as standalone SVG documents with axes,
/// ticks, a legend and a title; no scripts, no external resources, so they open offline anywhere.
/// </summary>
public static class SvgChartWriter
{
    private const double Width = 640;
    private const double Height = 400;
    private const double Left = 80;
    private const double Right = 170;
    private const double Top = 40;
    private const double Bottom = 60;
    private const double LegendRow = 20;

    /// <summary>Renders a line chart; each series has its own colour, dash pattern and marker (<see cref="SeriesStyle"/>).</summary>
    public static string Render(LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ChartPoint[] all = chart.Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        IReadOnlyList<double> xTicks = all.Length == 0 ? [0, 1]
            : chart.WholeNumberX ? AxisTicks.ForIntegers(all.Min(p => p.X), all.Max(p => p.X))
            : AxisTicks.For(all.Min(p => p.X), all.Max(p => p.X));
        double[] band = all.SelectMany(p => new[] { p.Lower, p.Upper }).Where(double.IsFinite).ToArray();
        IReadOnlyList<double> yTicks = all.Length == 0 ? [0, 1]
            : AxisTicks.For(Math.Min(all.Min(p => p.Y), band.DefaultIfEmpty(double.PositiveInfinity).Min()), Math.Max(all.Max(p => p.Y), band.DefaultIfEmpty(double.NegativeInfinity).Max()));
        var frame = new Frame(xTicks[0], xTicks[^1], yTicks[0], yTicks[^1]);
        var svg = new StringBuilder();
        Open(svg, chart.Title, chart.WholeNumberX ? "whole" : "continuous");
        for (int s = 0; s < chart.Series.Count; s++)
        {
            // A confidence band, drawn first so every line stays on top: upper bounds forward, lower bounds back.
            ChartPoint[] banded = chart.Series[s].Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Lower) && double.IsFinite(p.Upper)).ToArray();
            if (banded.Length > 0)
            {
                string outline = string.Join(' ', banded.Select(p => $"{N(frame.X(p.X))},{N(frame.Y(p.Upper))}").Concat(Enumerable.Reverse(banded).Select(p => $"{N(frame.X(p.X))},{N(frame.Y(p.Lower))}")));
                Append(svg, $"<polygon class=\"band\" data-series=\"{Escape(chart.Series[s].Name)}\" fill=\"{SeriesStyle.Of(s).Color}\" fill-opacity=\"0.15\" stroke=\"none\" points=\"{outline}\"/>");
            }
        }

        Axes(svg, frame, chart.XLabel, chart.YLabel, yTicks);
        foreach (double t in xTicks)
        {
            double x = frame.X(t);
            Append(svg, $"<line x1=\"{N(x)}\" y1=\"{N(Height - Bottom)}\" x2=\"{N(x)}\" y2=\"{N(Height - Bottom + 5)}\" stroke=\"#333\"/>");
            Append(svg, $"<text class=\"x-tick\" x=\"{N(x)}\" y=\"{N(Height - Bottom + 20)}\" text-anchor=\"middle\" font-size=\"12\">{Escape(Tick(t))}</text>");
        }

        for (int s = 0; s < chart.Series.Count; s++)
        {
            LineSeries series = chart.Series[s];
            SeriesStyle style = SeriesStyle.Of(s);
            ChartPoint[] points = series.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
            Append(svg, $"<g class=\"series\" data-series=\"{Escape(series.Name)}\" data-marker=\"{Marker(style.Marker)}\">");
            if (series.Connected && points.Length > 0)
            {
                string path = string.Join(' ', points.Select(p => $"{N(frame.X(p.X))},{N(frame.Y(p.Y))}"));
                Append(svg, $"<polyline fill=\"none\" stroke=\"{style.Color}\" stroke-width=\"2\" stroke-dasharray=\"{style.DashArray}\" points=\"{path}\"/>");
            }

            if (series.Marked || !series.Connected)
            {
                foreach (ChartPoint p in points)
                {
                    Append(svg, MarkerAt(style, frame.X(p.X), frame.Y(p.Y), $"{series.Name}: ({Tick(p.X)}, {Tick(p.Y)})"));
                }
            }

            svg.Append("</g>\n");
        }

        for (int s = 0; s < chart.Series.Count; s++)
        {
            SeriesStyle style = SeriesStyle.Of(s);
            double y = Top + 10 + (s * LegendRow);
            double x = Width - Right + 12;
            LineSeries series = chart.Series[s];
            if (series.Connected)
            {
                Append(svg, $"<line x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x + 32)}\" y2=\"{N(y)}\" stroke=\"{style.Color}\" stroke-width=\"2\" stroke-dasharray=\"{style.DashArray}\"/>");
            }

            if (series.Marked || !series.Connected)
            {
                Append(svg, MarkerAt(style, x + 16, y, series.Name));
            }

            Append(svg, $"<text class=\"legend\" x=\"{N(x + 40)}\" y=\"{N(y + 4)}\" font-size=\"12\">{Escape(chart.Series[s].Name)}</text>");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Renders a grouped bar chart; the vertical axis always includes zero.</summary>
    public static string Render(BarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        foreach (BarSeries series in chart.Series)
        {
            if (series.Values.Count != chart.Categories.Count)
            {
                throw new ArgumentException($"Bar series '{series.Name}' has {series.Values.Count} values for {chart.Categories.Count} categories.", nameof(chart));
            }
        }

        double[] values = chart.Series.SelectMany(s => s.Values).Where(double.IsFinite).ToArray();
        IReadOnlyList<double> yTicks = AxisTicks.For(Math.Min(0, values.DefaultIfEmpty(0).Min()), Math.Max(0, values.DefaultIfEmpty(1).Max()));
        var frame = new Frame(0, Math.Max(1, chart.Categories.Count), yTicks[0], yTicks[^1]);
        var svg = new StringBuilder();
        Open(svg, chart.Title, "categories");
        Axes(svg, frame, chart.XLabel, chart.YLabel, yTicks);
        int groups = chart.Categories.Count;
        int members = Math.Max(1, chart.Series.Count);
        double slot = (Width - Left - Right) / Math.Max(1, groups);
        double barWidth = slot * 0.8 / members;
        double zero = frame.Y(0);
        for (int c = 0; c < groups; c++)
        {
            double groupStart = Left + (c * slot) + (slot * 0.1);
            Append(svg, $"<text x=\"{N(Left + ((c + 0.5) * slot))}\" y=\"{N(Height - Bottom + 20)}\" text-anchor=\"middle\" font-size=\"12\">{Escape(chart.Categories[c])}</text>");
            for (int s = 0; s < chart.Series.Count; s++)
            {
                double v = chart.Series[s].Values[c];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                double y = frame.Y(v);
                Append(svg, $"<rect x=\"{N(groupStart + (s * barWidth))}\" y=\"{N(Math.Min(y, zero))}\" width=\"{N(barWidth * 0.95)}\" height=\"{N(Math.Abs(zero - y))}\" fill=\"{SeriesStyle.Of(s).Color}\"><title>{Escape(chart.Series[s].Name)}: {Escape(Tick(v))}</title></rect>");
            }
        }

        Legend(svg, chart.Series.Select(s => s.Name).ToArray());
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Open(StringBuilder svg, string title, string xAxis)
    {
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" data-x-axis=\"{xAxis}\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"sans-serif\">");
        Append(svg, $"<rect width=\"{N(Width)}\" height=\"{N(Height)}\" fill=\"white\"/>");
        Append(svg, $"<text x=\"{N(Width / 2)}\" y=\"24\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">{Escape(title)}</text>");
    }

    private static void Axes(StringBuilder svg, Frame frame, string xLabel, string yLabel, IReadOnlyList<double> yTicks)
    {
        foreach (double t in yTicks)
        {
            double y = frame.Y(t);
            Append(svg, $"<line x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Width - Right)}\" y2=\"{N(y)}\" stroke=\"#ddd\"/>");
            Append(svg, $"<text class=\"y-tick\" x=\"{N(Left - 8)}\" y=\"{N(y + 4)}\" text-anchor=\"end\" font-size=\"12\">{Escape(Tick(t))}</text>");
        }

        Append(svg, $"<line x1=\"{N(Left)}\" y1=\"{N(Height - Bottom)}\" x2=\"{N(Width - Right)}\" y2=\"{N(Height - Bottom)}\" stroke=\"#333\"/>");
        Append(svg, $"<line x1=\"{N(Left)}\" y1=\"{N(Top)}\" x2=\"{N(Left)}\" y2=\"{N(Height - Bottom)}\" stroke=\"#333\"/>");
        Append(svg, $"<text x=\"{N((Left + Width - Right) / 2)}\" y=\"{N(Height - 15)}\" text-anchor=\"middle\" font-size=\"13\">{Escape(xLabel)}</text>");
        Append(svg, $"<text transform=\"translate(18,{N((Top + Height - Bottom) / 2)}) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">{Escape(yLabel)}</text>");
    }

    private static void Legend(StringBuilder svg, string[] names)
    {
        for (int s = 0; s < names.Length; s++)
        {
            double y = Top + 10 + (s * LegendRow);
            Append(svg, $"<rect x=\"{N(Width - Right + 15)}\" y=\"{N(y - 9)}\" width=\"12\" height=\"12\" fill=\"{SeriesStyle.Of(s).Color}\"/>");
            Append(svg, $"<text class=\"legend\" x=\"{N(Width - Right + 33)}\" y=\"{N(y + 1)}\" font-size=\"12\">{Escape(names[s])}</text>");
        }
    }

    // Each marker is a small closed shape (or two strokes) centred on the point, with the point as its tooltip.
    private static string MarkerAt(SeriesStyle style, double x, double y, string tooltip)
    {
        const double R = 4;
        string title = $"<title>{Escape(tooltip)}</title>";
        string fill = $"fill=\"{style.Color}\"";
        return style.Marker switch
        {
            MarkerShape.Circle => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(R - 0.5)}\" {fill}>{title}</circle>",
            MarkerShape.Square => $"<rect x=\"{N(x - R + 0.5)}\" y=\"{N(y - R + 0.5)}\" width=\"{N((2 * R) - 1)}\" height=\"{N((2 * R) - 1)}\" {fill}>{title}</rect>",
            MarkerShape.TriangleUp => $"<polygon points=\"{N(x)},{N(y - R - 1)} {N(x + R + 0.5)},{N(y + R - 0.5)} {N(x - R - 0.5)},{N(y + R - 0.5)}\" {fill}>{title}</polygon>",
            MarkerShape.Diamond => $"<polygon points=\"{N(x)},{N(y - R - 1)} {N(x + R + 1)},{N(y)} {N(x)},{N(y + R + 1)} {N(x - R - 1)},{N(y)}\" {fill}>{title}</polygon>",
            MarkerShape.TriangleDown => $"<polygon points=\"{N(x)},{N(y + R + 1)} {N(x + R + 0.5)},{N(y - R + 0.5)} {N(x - R - 0.5)},{N(y - R + 0.5)}\" {fill}>{title}</polygon>",
            MarkerShape.Plus => $"<path d=\"M{N(x - R - 1)},{N(y)}H{N(x + R + 1)}M{N(x)},{N(y - R - 1)}V{N(y + R + 1)}\" stroke=\"{style.Color}\" stroke-width=\"2.5\" fill=\"none\">{title}</path>",
            _ => $"<path d=\"M{N(x - R)},{N(y - R)}L{N(x + R)},{N(y + R)}M{N(x - R)},{N(y + R)}L{N(x + R)},{N(y - R)}\" stroke=\"{style.Color}\" stroke-width=\"2.5\" fill=\"none\">{title}</path>",
        };
    }

    private static string Marker(MarkerShape shape) => shape switch
    {
        MarkerShape.Circle => "circle",
        MarkerShape.Square => "square",
        MarkerShape.TriangleUp => "triangle-up",
        MarkerShape.Diamond => "diamond",
        MarkerShape.TriangleDown => "triangle-down",
        MarkerShape.Plus => "plus",
        _ => "cross",
    };

    private static void Append(StringBuilder svg, string element) => svg.Append(element).Append('\n');

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Tick(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for use in SVG/HTML content and attributes.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);
    }

    private readonly record struct Frame(double XMin, double XMax, double YMin, double YMax)
    {
        public double X(double value) => Left + ((value - XMin) / Span(XMin, XMax) * (Width - Left - Right));

        public double Y(double value) => Height - Bottom - ((value - YMin) / Span(YMin, YMax) * (Height - Top - Bottom));

        private static double Span(double a, double b) => b - a == 0 ? 1 : b - a;
    }
}
