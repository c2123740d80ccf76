using System.Globalization;
using System.Text;

namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>
/// Builds a self-contained HTML page: headings, paragraphs, tables and inline SVG figures, with inline
/// CSS and no scripts or network resources, so the report opens offline.
/// </summary>
public sealed class HtmlReportBuilder
{
    private readonly string title;
    private readonly StringBuilder body = new();

    /// <summary>Starts a report with a page title (also the first heading).</summary>
    public HtmlReportBuilder(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        this.title = title;
    }

    /// <summary>Adds a section heading (level 2 to 4).</summary>
    public HtmlReportBuilder Heading(string text, int level = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 4);
        body.Append(CultureInfo.InvariantCulture, $"<h{level}>{SvgChartWriter.Escape(text)}</h{level}>\n");
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    public HtmlReportBuilder Paragraph(string text)
    {
        body.Append(CultureInfo.InvariantCulture, $"<p>{SvgChartWriter.Escape(text)}</p>\n");
        return this;
    }

    /// <summary>Adds a table with a header row; cells are plain text.</summary>
    public HtmlReportBuilder Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        body.Append("<table>\n<tr>");
        foreach (string h in headers)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th>{SvgChartWriter.Escape(h)}</th>");
        }

        body.Append("</tr>\n");
        foreach (IReadOnlyList<string> row in rows)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {headers.Count} headers.", nameof(rows));
            }

            body.Append("<tr>");
            foreach (string cell in row)
            {
                body.Append(CultureInfo.InvariantCulture, $"<td>{SvgChartWriter.Escape(cell)}</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</table>\n");
        return this;
    }

    /// <summary>Adds an SVG document inline as a figure with a caption.</summary>
    public HtmlReportBuilder Figure(string svg, string caption)
    {
        ArgumentNullException.ThrowIfNull(svg);
        if (svg.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Figures must not contain scripts.", nameof(svg));
        }

        body.Append(CultureInfo.InvariantCulture, $"<figure>\n{svg}<figcaption>{SvgChartWriter.Escape(caption)}</figcaption>\n</figure>\n");
        return this;
    }

    /// <summary>Adds preformatted text (e.g. a command line).</summary>
    public HtmlReportBuilder Preformatted(string text)
    {
        body.Append(CultureInfo.InvariantCulture, $"<pre>{SvgChartWriter.Escape(text)}</pre>\n");
        return this;
    }

    /// <summary>The complete HTML document.</summary>
    public string Build() =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + $"<title>{SvgChartWriter.Escape(title)}</title>\n"
        + "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
        + "th{background:#f3f3f3}figure{display:inline-block;margin:1em}figcaption{font-size:90%;color:#555}pre{background:#f6f6f6;padding:.5em}</style>\n"
        + $"</head>\n<body>\n<h1>{SvgChartWriter.Escape(title)}</h1>\n{body}</body>\n</html>\n";
}
