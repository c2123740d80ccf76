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

    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>The colour given to the series at <paramref name="index"/>.</summary>
    public static string ColorOf(int index) => Palette[index % Palette.Length];

    /// <summary>Renders a line chart.</summary>
    public static string Render(LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ChartPoint[] all = chart.Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        IReadOnlyList<double> xTicks = all.Length == 0 ? [0, 1] : AxisTicks.For(all.Min(p => p.X), all.Max(p => p.X));
        IReadOnlyList<double> yTicks = all.Length == 0 ? [0, 1] : AxisTicks.For(all.Min(p => p.Y), all.Max(p => p.Y));
        var frame = new Frame(xTicks[0], xTicks[^1], yTicks[0], yTicks[^1]);
        var svg = new StringBuilder();
        Open(svg, chart.Title);
        Axes(svg, frame, chart.XLabel, chart.YLabel, yTicks);
        foreach (double t in xTicks)
        {
            double x = frame.X(t);
            Append(svg, $"<line x1=\"{N(x)}\" y1=\"{N(Height - Bottom)}\" x2=\"{N(x)}\" y2=\"{N(Height - Bottom + 5)}\" stroke=\"#333\"/>");
            Append(svg, $"<text x=\"{N(x)}\" y=\"{N(Height - Bottom + 20)}\" text-anchor=\"middle\" font-size=\"12\">{Escape(Tick(t))}</text>");
        }

        for (int s = 0; s < chart.Series.Count; s++)
        {
            ChartPoint[] points = chart.Series[s].Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            if (chart.Series[s].Connected)
            {
                string path = string.Join(' ', points.Select(p => $"{N(frame.X(p.X))},{N(frame.Y(p.Y))}"));
                Append(svg, $"<polyline fill=\"none\" stroke=\"{ColorOf(s)}\" stroke-width=\"2\" points=\"{path}\"/>");
            }

            if (chart.Series[s].Marked)
            {
                foreach (ChartPoint p in points)
                {
                    Append(svg, $"<circle cx=\"{N(frame.X(p.X))}\" cy=\"{N(frame.Y(p.Y))}\" r=\"3\" fill=\"{ColorOf(s)}\"/>");
                }
            }
        }

        Legend(svg, chart.Series.Select(s => s.Name).ToArray());
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
        Open(svg, chart.Title);
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
                Append(svg, $"<rect x=\"{N(groupStart + (s * barWidth))}\" y=\"{N(Math.Min(y, zero))}\" width=\"{N(barWidth * 0.95)}\" height=\"{N(Math.Abs(zero - y))}\" fill=\"{ColorOf(s)}\"><title>{Escape(chart.Series[s].Name)}: {Escape(Tick(v))}</title></rect>");
            }
        }

        Legend(svg, chart.Series.Select(s => s.Name).ToArray());
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Open(StringBuilder svg, string title)
    {
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"sans-serif\">");
        Append(svg, $"<rect width=\"{N(Width)}\" height=\"{N(Height)}\" fill=\"white\"/>");
        Append(svg, $"<text x=\"{N(Width / 2)}\" y=\"24\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">{Escape(title)}</text>");
    }

    private static void Axes(StringBuilder svg, Frame frame, string xLabel, string yLabel, IReadOnlyList<double> yTicks)
    {
        foreach (double t in yTicks)
        {
            double y = frame.Y(t);
            Append(svg, $"<line x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Width - Right)}\" y2=\"{N(y)}\" stroke=\"#ddd\"/>");
            Append(svg, $"<text x=\"{N(Left - 8)}\" y=\"{N(y + 4)}\" text-anchor=\"end\" font-size=\"12\">{Escape(Tick(t))}</text>");
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
            double y = Top + 10 + (s * 20);
            Append(svg, $"<rect x=\"{N(Width - Right + 15)}\" y=\"{N(y - 9)}\" width=\"12\" height=\"12\" fill=\"{ColorOf(s)}\"/>");
            Append(svg, $"<text x=\"{N(Width - Right + 33)}\" y=\"{N(y + 1)}\" font-size=\"12\">{Escape(names[s])}</text>");
        }
    }

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
