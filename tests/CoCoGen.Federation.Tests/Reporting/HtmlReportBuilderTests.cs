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

    [Fact]
    public void Typed_columns_scroll_boxes_lists_verdicts_and_collapsible_sections_need_no_script()
    {
        string html = new HtmlReportBuilder("r")
            .Table([new TableColumn("n", ColumnKind.Number), new TableColumn("hash", ColumnKind.Code), new TableColumn("why", ColumnKind.Prose)], [["1", "0xab", "a <reason>"]])
            .List(["a < b", "c"])
            .Status("Audit passed", true)
            .Status("Not audited", null)
            .Details("org1", section => section.Paragraph("inside"))
            .Build();

        Assert.Contains("<div class=\"table-scroll\">\n<table>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"num\">1</td><td class=\"code\">0xab</td><td class=\"prose\">a &lt;reason&gt;</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>a &lt; b</li>\n<li>c</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"status status-passed\">Audit passed</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"status status-unknown\">Not audited</p>", html, StringComparison.Ordinal);
        Assert.Contains("<details>\n<summary>org1</summary>\n<p>inside</p>\n</details>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
