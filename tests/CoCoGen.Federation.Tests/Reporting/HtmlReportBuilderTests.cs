using CoCoGen.Federation.Adapters.Reporting;

namespace CoCoGen.Federation.Tests.Reporting;

public class HtmlReportBuilderTests
{
    [Fact]
    public void Report_is_self_contained_and_escapes_text()
    {
        string svg = SvgChartWriter.Render(new LineChart("c", "x", "y", [new LineSeries("s", [new(0, 1), new(1, 2)])]));
        string html = new HtmlReportBuilder("Sweep <rho>")
            .Heading("Findings")
            .Paragraph("a & b")
            .Table(["#", "claim"], [["1", "<b>x</b>"]])
            .Figure(svg, "Figure 1")
            .Preformatted("cocogen sweep --over rho")
            .Build();

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Sweep &lt;rho&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;b&gt;x&lt;/b&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<p>a &amp; b</p>", html, StringComparison.Ordinal);
        Assert.Contains("<polyline", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ragged_rows_and_scripted_figures_are_rejected()
    {
        var builder = new HtmlReportBuilder("r");
        Assert.Throws<ArgumentException>(() => builder.Table(["a", "b"], [["1"]]));
        Assert.Throws<ArgumentException>(() => builder.Figure("<svg><script>alert(1)</script></svg>", "x"));
    }
}
