using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Sweeps;
using CoCoGen.Mechanism.Tests.Vectors;

namespace CoCoGen.Mechanism.Tests.Sweeps;

public class SweepTests
{
    private static Scenario Example() =>
        ScenarioJsonReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "Examples", "fashion-mnist-10.json"));

    [Fact]
    public void Rho_sweep_is_three_by_three_with_certified_equilibria()
    {
        SweepResult sweep = SweepRunner.Run(Example(), SweepAxis.Rho);
        Assert.Equal(9, sweep.Points.Count);
        Assert.Equal(["alpha=0.1", "alpha=0.5", "alpha=1"], sweep.Series);
        Assert.All(sweep.Points, p => Assert.True(p.CertificateHolds));
        Assert.All(sweep.Points, p => Assert.Equal(6, p.Baselines.Count));
        Assert.Equal([0.1, 0.5, 0.9], sweep.Points.Take(3).Select(p => p.X));
        Assert.Equal(0.5, sweep.Points[1].Rho, 9);
    }

    [Fact]
    public void Alpha_sweep_needs_a_loss_curve_table()
    {
        Scenario vector = ScenarioJsonReader.ReadFile(VectorFiles.Path("separable-data-4.json"));
        string message = Assert.Throws<ScenarioValidationException>(() => SweepRunner.Run(vector, SweepAxis.Alpha)).Message;
        Assert.Contains("lossCurveTable", message, StringComparison.Ordinal);
        Assert.Equal(9, SweepRunner.Run(Example(), SweepAxis.Alpha).Points.Count);
    }

    [Fact]
    public void Gamma_sweep_spans_zero_to_the_remark_1_bound()
    {
        Scenario s = Example();
        SweepResult sweep = SweepRunner.Run(s, SweepAxis.Gamma);
        Assert.Equal(3 * (SweepRunner.GammaIntervals + 1), sweep.Points.Count);
        Assert.Equal(0, sweep.Points[0].Gamma);
        Assert.Equal(s.RivalRate.ToArray().Min(), sweep.Points[SweepRunner.GammaIntervals].Gamma, 9);
    }

    [Fact]
    public void Csv_has_a_header_and_one_row_per_point()
    {
        SweepResult sweep = SweepRunner.Run(Example(), SweepAxis.Rho);
        using var writer = new StringWriter();
        SweepCsvWriter.Write(sweep, writer);
        string[] lines = writer.ToString().TrimEnd().Split('\n');
        Assert.Equal(10, lines.Length);
        Assert.StartsWith("axis,series,x,rho,alpha,gamma,solver,certified,avgGeneration,socialWelfare,sw_CoCoGenPlus", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("rho,alpha=0.1,0.1,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_table_has_five_rows_with_numbers()
    {
        Scenario s = Example();
        IReadOnlyList<Finding> findings = FindingsEvaluator.Evaluate(SweepRunner.Run(s, SweepAxis.Rho), SweepRunner.Run(s, SweepAxis.Gamma));
        Assert.Equal([1, 2, 3, 4, 5], findings.Select(f => f.Number));
        Assert.All(findings, f => Assert.Matches("[0-9]", f.Evidence));
        string markdown = FindingsEvaluator.ToMarkdown(findings);
        Assert.Equal(7, markdown.TrimEnd().Split('\n').Length);
    }
}
