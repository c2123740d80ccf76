namespace CoCoGen.Cli.Tests.Commands;

public class SweepCommandTests
{
    [Theory]
    [InlineData("rho", 10)]
    [InlineData("alpha", 10)]
    [InlineData("gamma", 34)]
    public void Sweep_writes_csv_charts_findings_and_an_offline_html_page(string over, int csvLines)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"cocogen-sweep-{Guid.NewGuid():N}");
        try
        {
            (int code, string output, string error) = CommandRunner.Run(
                "sweep", "--scenario", CommandRunner.Data("Examples", "fashion-mnist-10.json"), "--over", over, "--out", dir);

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            Assert.Contains("findings holding under this model", output, StringComparison.Ordinal);
            Assert.Equal(csvLines, File.ReadAllLines(Path.Combine(dir, $"sweep-{over}.csv")).Length);
            foreach (string chart in new[] { "generation", "welfare", "baselines" })
            {
                Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(dir, $"{over}-{chart}.svg")), StringComparison.Ordinal);
            }

            string html = File.ReadAllText(Path.Combine(dir, "index.html"));
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(7, File.ReadAllLines(Path.Combine(dir, "findings.md")).Length);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Bad_axis_exits_2_and_writes_nothing()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"cocogen-sweep-{Guid.NewGuid():N}");
        (int code, string output, string error) = CommandRunner.Run(
            "sweep", "--scenario", CommandRunner.Data("Examples", "fashion-mnist-10.json"), "--over", "beta", "--out", dir);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--over must be rho, alpha or gamma", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Alpha_sweep_without_a_loss_curve_table_exits_2()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"cocogen-sweep-{Guid.NewGuid():N}");
        (int code, _, string error) = CommandRunner.Run(
            "sweep", "--scenario", CommandRunner.Data("Vectors", "separable-data-4.json"), "--over", "alpha", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("lossCurveTable is required", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }
}
