using CoCoGen.Mechanism.Calibration;

namespace CoCoGen.Mechanism.Tests.Calibration;

public sealed class PowerLawFitTests
{
    private static readonly double[] Samples = [300, 600, 1200, 2500, 5000, 10000, 20000];

    [Theory]
    [InlineData(5.4, 0.35, 0.2)]
    [InlineData(12.0, 0.6, 0.05)]
    [InlineData(2.0, 0.15, 0.01)]
    public void Exact_power_law_points_give_back_their_parameters(double a, double b, double c)
    {
        var losses = Samples.Select(n => (a * Math.Pow(n, -b)) + c).ToArray();

        var fit = PowerLawFit.Fit(Samples, losses);

        Assert.Equal(a, fit.A, a * 1e-3);
        Assert.Equal(b, fit.B, 1e-4);
        Assert.Equal(c, fit.C, 1e-4);
        Assert.True(fit.RSquared > 0.999999);
        Assert.True(fit.Identified);
    }

    [Fact]
    public void Noisy_points_match_an_independent_variable_projection_fit()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 12).Select(k => 500.0 * Math.Pow(1.4, k)).ToArray();
        var losses = samples.Select(n => (5.0 * Math.Pow(n, -0.35)) + 0.25 + (0.02 * (random.NextDouble() - 0.5))).ToArray();

        var fit = PowerLawFit.Fit(samples, losses);
        var reference = VariableProjectionFit.Fit(samples, losses);

        Assert.Equal(reference.B, fit.B, 1e-4);
        Assert.Equal(reference.A, fit.A, reference.A * 1e-3);
        Assert.Equal(reference.C, fit.C, 1e-4);
        Assert.Equal(reference.Rss, fit.ResidualSumOfSquares, reference.Rss * 1e-4);
        Assert.InRange(fit.RSquared, 0.9, 0.999999);
    }

    [Fact]
    public void Intervals_are_the_asymptotic_ones_from_a_finite_difference_jacobian()
    {
        var random = new Random(11);
        var samples = Enumerable.Range(0, 10).Select(k => 400.0 * Math.Pow(1.5, k)).ToArray();
        var losses = samples.Select(n => (8.0 * Math.Pow(n, -0.45)) + 0.3 + (0.01 * (random.NextDouble() - 0.5))).ToArray();

        var fit = PowerLawFit.Fit(samples, losses);

        // s²·(JᵀJ)⁻¹ with J by central differences in (a, b, c), inverted by Cramer's rule.
        var j = new double[samples.Length, 3];
        double[] theta = [fit.A, fit.B, fit.C];
        for (var p = 0; p < 3; p++)
        {
            var h = Math.Max(1e-7, Math.Abs(theta[p]) * 1e-6);
            for (var k = 0; k < samples.Length; k++)
            {
                var up = (double[])theta.Clone();
                var down = (double[])theta.Clone();
                up[p] += h;
                down[p] -= h;
                j[k, p] = (Law(up, samples[k]) - Law(down, samples[k])) / (2 * h);
            }
        }

        var m = new double[3, 3];
        for (var r = 0; r < 3; r++)
        {
            for (var s = 0; s < 3; s++)
            {
                for (var k = 0; k < samples.Length; k++)
                {
                    m[r, s] += j[k, r] * j[k, s];
                }
            }
        }

        var variance = fit.ResidualSumOfSquares / (samples.Length - 3);
        var det = (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
            - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
            + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));
        var seA = Math.Sqrt(variance * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])) / det);
        var seB = Math.Sqrt(variance * ((m[0, 0] * m[2, 2]) - (m[0, 2] * m[2, 0])) / det);
        var seC = Math.Sqrt(variance * ((m[0, 0] * m[1, 1]) - (m[0, 1] * m[1, 0])) / det);

        Assert.Equal(seA, fit.AInterval.StandardError, seA * 1e-3);
        Assert.Equal(seB, fit.BInterval.StandardError, seB * 1e-3);
        Assert.Equal(seC, fit.CInterval.StandardError, seC * 1e-3);

        // t(0.975, 7) = 2.364624 (statistical tables).
        Assert.Equal(fit.B - (2.364624 * seB), fit.BInterval.Lower, 1e-5);
        Assert.Equal(fit.C + (2.364624 * seC), fit.CInterval.Upper, 1e-5);
        Assert.InRange(0.45, fit.BInterval.Lower, fit.BInterval.Upper);
    }

    [Fact]
    public void Rising_losses_leave_the_decreasing_law_nothing_to_explain()
    {
        double[] losses = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

        var fit = PowerLawFit.Fit(Samples, losses);

        Assert.True(fit.A < 1e-3, $"a = {fit.A}");
        Assert.InRange(fit.RSquared, -1e-6, 0.05);
        Assert.False(fit.Identified);
        Assert.Equal((1e-4, 0.9999), (fit.BInterval.Lower, fit.BInterval.Upper));
        Assert.InRange(0.65, fit.CInterval.Lower, fit.CInterval.Upper);
        Assert.True(fit.CInterval.Upper - fit.CInterval.Lower < 1, "c's interval comes from the linear (a, c) model, not a singular 3×3 one");
    }

    [Fact]
    public void Too_few_points_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => PowerLawFit.Fit([100, 200, 300], [1.0, 0.9, 0.85]));
        Assert.Contains("at least 4", error.Message, StringComparison.Ordinal);
    }

    private static double Law(double[] theta, double n) => (theta[0] * Math.Pow(n, -theta[1])) + theta[2];
}
