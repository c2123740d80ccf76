using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CoCoGen.Cli.Hosting;

namespace CoCoGen.Cli.Tests.Hosting;

/// <summary>
/// report.html as a browser lays it out: headless Chromium opens it at 1400 × 900 with every collapsible section
/// open, and a probe the test appends (the report itself has no script) measures the page: nothing wider than the
/// window outside a table's own scroll box, integer round ticks, and series told apart by dash, marker and legend.
/// The report and a screenshot stay in the test's output folder (report-in-chromium/) to look at.
/// </summary>
public sealed class RunReportInChromiumTests
{
    private const int Width = 1400;
    private const int Height = 900;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Probe = """
        <script>
        (() => {
          document.querySelectorAll('details').forEach(d => d.open = true);
          const box = e => e.getBoundingClientRect();
          const charts = [...document.querySelectorAll('svg[data-x-axis=whole]')].map(svg => ({
            title: svg.querySelector('text').textContent,
            left: box(svg).left,
            ticks: [...svg.querySelectorAll('text.x-tick')].map(t => t.textContent),
            legend: [...svg.querySelectorAll('text.legend')].map(t => t.textContent),
            series: [...svg.querySelectorAll('g.series')].map(g => ({
              name: g.dataset.series,
              marker: g.dataset.marker,
              markers: [...g.children].filter(c => c.tagName !== 'polyline').length,
              dash: g.querySelector('polyline') ? getComputedStyle(g.querySelector('polyline')).strokeDasharray : null,
            })),
          }));
          const result = {
            viewport: window.innerWidth,
            documentScrollWidth: document.documentElement.scrollWidth,
            bodyScrollWidth: document.body.scrollWidth,
            overflowing: [...document.body.querySelectorAll('*')]
              .filter(e => box(e).right > window.innerWidth + 0.5 && !e.closest('.table-scroll'))
              .map(e => e.tagName + '.' + e.getAttribute('class')).slice(0, 10),
            scrollingTables: [...document.querySelectorAll('.table-scroll')].filter(d => d.scrollWidth > d.clientWidth).length,
            charts,
          };
          const pre = document.createElement('pre');
          pre.id = 'layout-probe';
          pre.textContent = JSON.stringify(result);
          document.body.appendChild(pre);
        })();
        </script>
        """;

    [Fact]
    public async Task The_recorded_twelve_round_run_reads_at_1400_px_with_integer_round_axes_and_ten_distinguishable_series()
    {
        var rounds = RunFixtures.Recorded.ReadRounds();
        var html = RunReport.Build(rounds, RunFixtures.RecordedSettings, RunFixtures.AuditOf(rounds));

        var layout = await LayoutAsync("recorded", html);

        AssertReadsAt1400(layout);
        Assert.Equal(6, layout.Charts.Length);
        Assert.All(layout.Charts, chart => Assert.Equal(Enumerable.Range(1, 12).Select(r => r.ToString(CultureInfo.InvariantCulture)), chart.Ticks));
        var perOrganization = layout.Charts.Where(c => c.Series.Length == 10).ToArray();
        Assert.Equal(4, perOrganization.Length);
        Assert.All(perOrganization, chart =>
        {
            Assert.Equal(10, chart.Series.Select(s => s.Dash).Distinct().Count());
            Assert.Equal(10, chart.Series.Select(s => (s.Dash, s.Marker)).Distinct().Count());
            Assert.All(chart.Series, s => Assert.Equal(12, s.Markers));
        });

        // Two charts side by side: some chart starts right of the first column.
        Assert.Contains(layout.Charts, chart => chart.Left > Width / 2.5);
        await ScreenshotAsync("recorded", html);
    }

    [Fact]
    public async Task The_measured_run_keeps_its_wide_per_round_tables_in_their_own_scroll_box()
    {
        var html = RunReport.Build(RunFixtures.Measured(), RunFixtures.MeasuredSettings, RunFixtures.AuditOf(RunFixtures.Measured()));

        var layout = await LayoutAsync("measured", html);

        AssertReadsAt1400(layout);
        Assert.True(layout.ScrollingTables >= 3, $"{layout.ScrollingTables} tables scroll sideways; the three organizations' tables (hashes in full) are wider than the page");
        Assert.All(layout.Charts, chart => Assert.Equal(["1", "2", "3"], chart.Ticks));
        await ScreenshotAsync("measured", html);
    }

    private static void AssertReadsAt1400(Layout layout)
    {
        Assert.Equal(Width, layout.Viewport);
        Assert.True(layout.DocumentScrollWidth <= Width, $"the page is {layout.DocumentScrollWidth} px wide at a {Width} px window");
        Assert.True(layout.BodyScrollWidth <= Width, $"the body is {layout.BodyScrollWidth} px wide at a {Width} px window");
        Assert.Empty(layout.Overflowing);
        Assert.All(layout.Charts, chart =>
        {
            Assert.All(chart.Ticks, tick => Assert.True(int.TryParse(tick, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), $"{chart.Title}: round tick '{tick}' is not an integer"));
            Assert.Equal(chart.Series.Select(s => s.Name), chart.Legend);
        });
    }

    private static async Task<Layout> LayoutAsync(string name, string html)
    {
        var folder = Artifacts();
        var page = Path.Combine(folder, $"{name}-probe.html");
        await File.WriteAllTextAsync(page, html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        var dom = await ChromiumAsync(folder, "--dump-dom", new Uri(page).AbsoluteUri);
        var probe = new HtmlParser().ParseDocument(dom).GetElementById("layout-probe")
            ?? throw new InvalidOperationException($"Chromium's DOM has no probe result; it printed:\n{dom[..Math.Min(dom.Length, 2000)]}");
        return JsonSerializer.Deserialize<Layout>(probe.TextContent, Json)!;
    }

    private static async Task ScreenshotAsync(string name, string html)
    {
        var folder = Artifacts();
        var page = Path.Combine(folder, $"{name}.html");
        var png = Path.Combine(folder, $"{name}-{Width}.png");
        File.Delete(png);
        await File.WriteAllTextAsync(page, html);
        await ChromiumAsync(folder, $"--screenshot={png}", new Uri(page).AbsoluteUri);
        var header = await File.ReadAllBytesAsync(png);
        Assert.Equal((Width, Height), (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20))));
    }

    private static string Artifacts() => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "report-in-chromium")).FullName;

    private static async Task<string> ChromiumAsync(string folder, string action, string url)
    {
        var chromium = FindChromium() ?? throw new InvalidOperationException(
            "Chromium is not installed: this test lays report.html out in headless Chromium. Install it with scripts/setup.sh (apt-get install chromium).");
        var profile = Path.Combine(folder, "profile-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--allow-file-access-from-files",
            $"--user-data-dir={profile}", $"--window-size={Width},{Height}", action, url,
        })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return await RunAsync(chromium, action, start);
        }
        finally
        {
            // Chromium's profile for this one call: some megabytes, of no further use.
            Directory.Delete(profile, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string chromium, string action, ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{chromium} {action} did not finish in 2 minutes");
        }

        Assert.True(process.ExitCode == 0, $"{chromium} {action} exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static string? FindChromium() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);

    private sealed record Layout(int Viewport, double DocumentScrollWidth, double BodyScrollWidth, string[] Overflowing, int ScrollingTables, Chart[] Charts);

    private sealed record Chart(string Title, double Left, string[] Ticks, string[] Legend, Series[] Series);

    private sealed record Series(string Name, string Marker, int Markers, string? Dash);
}
