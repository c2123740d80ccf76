using CoCoGen.Federation.Calibration;

namespace CoCoGen.Federation.Tests.Calibration;

public sealed class PowerLawFitTests
{
    [Theory]
    [InlineData(5.4, 0.35, 0.2)]
    [InlineData(12.0, 0.6, 0.05)]
    [InlineData(2.0, 0.15, 0.0)]
    public void Exact_power_law_points_give_back_their_parameters(double a, double b, double c)
    {
        var samples = new double[] { 300, 600, 1200, 2500, 5000, 10000, 20000 };
        var losses = samples.Select(n => (a * Math.Pow(n, -b)) + c).ToArray();

        var fit = PowerLawFit.Fit(samples, losses);

        Assert.Equal(a, fit.A, a * 1e-3);
        Assert.Equal(b, fit.B, 1e-4);
        Assert.Equal(c, fit.C, 1e-4);
        Assert.True(fit.RSquared > 0.999999);
    }

    [Fact]
    public void Noisy_points_fit_with_a_high_but_imperfect_r_squared_and_parameters_in_bounds()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 12).Select(k => 500.0 * Math.Pow(1.4, k)).ToArray();
        var losses = samples.Select(n => (5.0 * Math.Pow(n, -0.35)) + 0.25 + (0.01 * (random.NextDouble() - 0.5))).ToArray();

        var fit = PowerLawFit.Fit(samples, losses);

        Assert.InRange(fit.RSquared, 0.95, 0.999999);
        Assert.InRange(fit.B, 0, 1);
        Assert.True(fit.A > 0 && fit.C >= 0);
        Assert.All(samples.Zip(losses), p => Assert.Equal(p.Second, fit.Evaluate(p.First), 0.02));
    }

    [Fact]
    public void Too_few_points_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => PowerLawFit.Fit([100, 200], [1.0, 0.9]));
        Assert.Contains("at least 3", error.Message, StringComparison.Ordinal);
    }
}
