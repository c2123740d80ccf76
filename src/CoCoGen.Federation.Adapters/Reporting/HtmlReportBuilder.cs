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
        return Table(headers.Select(h => new TableColumn(h)).ToArray(), rows);
    }

    /// <summary>
    /// Adds a table with a header row, each column set as its <see cref="ColumnKind"/> says; cells are plain text. The
    /// table scrolls sideways inside its own container, so a wide one never widens the page.
    /// </summary>
    public HtmlReportBuilder Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        body.Append("<div class=\"table-scroll\">\n<table>\n<tr>");
        foreach (TableColumn column in columns)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th{ClassOf(column.Kind)}>{SvgChartWriter.Escape(column.Header)}</th>");
        }

        body.Append("</tr>\n");
        foreach (IReadOnlyList<string> row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {columns.Count} headers.", nameof(rows));
            }

            body.Append("<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                body.Append(CultureInfo.InvariantCulture, $"<td{ClassOf(columns[c].Kind)}>{SvgChartWriter.Escape(row[c])}</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</table>\n</div>\n");
        return this;
    }

    /// <summary>Adds a bulleted list of plain-text items.</summary>
    public HtmlReportBuilder List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        body.Append("<ul>\n");
        foreach (string item in items)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li>{SvgChartWriter.Escape(item)}</li>\n");
        }

        body.Append("</ul>\n");
        return this;
    }

    /// <summary>Adds a verdict line: green when <paramref name="passed"/> is true, red when false, grey when not known.</summary>
    public HtmlReportBuilder Status(string text, bool? passed)
    {
        string tone = passed switch { true => "passed", false => "failed", null => "unknown" };
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"status status-{tone}\">{SvgChartWriter.Escape(text)}</p>\n");
        return this;
    }

    /// <summary>Adds a collapsible block (HTML details, no script) whose content <paramref name="content"/> adds.</summary>
    public HtmlReportBuilder Details(string summary, Action<HtmlReportBuilder> content, bool open = false)
    {
        ArgumentNullException.ThrowIfNull(content);
        body.Append(CultureInfo.InvariantCulture, $"<details{(open ? " open" : string.Empty)}>\n<summary>{SvgChartWriter.Escape(summary)}</summary>\n");
        content(this);
        body.Append("</details>\n");
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

    // Two 640 px figures side by side at 1400 px; nothing wider than the viewport: figures shrink, tables scroll.
    private const string Style =
        "<style>*{box-sizing:border-box}body{font-family:sans-serif;max-width:1360px;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.4}"
        + ".table-scroll{max-width:100%;overflow-x:auto;margin:.8em 0}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:baseline}th{background:#f3f3f3}"
        + ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.code{font-family:\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:85%;white-space:nowrap}th.code{font-family:inherit;font-size:inherit}td.prose{min-width:18ch}"
        + "figure{display:inline-block;vertical-align:top;margin:.5em 1em .5em 0;max-width:100%}figure svg{max-width:100%;height:auto}"
        + "figcaption{font-size:90%;color:#555;max-width:640px}pre{background:#f6f6f6;padding:.5em;overflow-x:auto}"
        + "details{margin:.3em 0}summary{cursor:pointer;font-weight:bold}"
        + ".status{font-weight:bold;padding:.4em .8em;border-radius:4px;display:inline-block}"
        + ".status-passed{background:#e3f4e3;color:#145214}.status-failed{background:#fbe3e3;color:#8a1010}.status-unknown{background:#eee;color:#444}</style>\n";

    /// <summary>The complete HTML document.</summary>
    public string Build() =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + $"<title>{SvgChartWriter.Escape(title)}</title>\n"
        + Style
        + $"</head>\n<body>\n<h1>{SvgChartWriter.Escape(title)}</h1>\n{body}</body>\n</html>\n";

    private static string ClassOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Number => " class=\"num\"",
        ColumnKind.Code => " class=\"code\"",
        ColumnKind.Prose => " class=\"prose\"",
        _ => string.Empty,
    };
}
