using CoCoGen.Mechanism.Calibration;

namespace CoCoGen.Mechanism.Tests.Calibration;

public sealed class ScalingFitTests
{
    [Fact]
    public void Seed_means_remove_the_seed_noise_from_r_squared_but_not_from_the_fit()
    {
        // Two organizations on one curve; each point's two seeds sit ±0.05 around it.
        var points = new List<ScalingPoint>();
        foreach (var (id, d) in new[] { ("org1", 500L), ("org2", 900L) })
        {
            foreach (var g in new[] { 0L, 500, 1000, 2000, 4000 })
            {
                var n = d + g;
                var truth = (6.0 * Math.Pow(n, -0.4)) + 0.2;
                points.Add(new ScalingPoint(id, 1, g, n, truth + 0.05));
                points.Add(new ScalingPoint(id, 2, g, n, truth - 0.05));
            }
        }

        var fit = ScalingFit.Of(points, new Dictionary<string, long> { ["org1"] = 500, ["org2"] = 900 });

        Assert.Equal(0.4, fit.Pooled.B, 1e-4);
        Assert.Equal(1.0, fit.PooledRSquaredSeedMeans, 1e-9);
        Assert.InRange(fit.Pooled.RSquared, 0.1, 0.99);
        Assert.Equal(["org1", "org2"], fit.Curves.Select(c => c.Id));
        Assert.Equal(900, fit.Curves[1].LocalSamples);
        Assert.All(fit.Curves, c => Assert.Equal(1.0, c.RSquaredSeedMeans, 1e-9));
    }

    [Fact]
    public void An_organization_without_a_local_sample_count_is_named()
    {
        var points = Enumerable.Range(0, 4).Select(k => new ScalingPoint("org7", 1, k * 100, 100 + (k * 100), 1.0 / (k + 1))).ToArray();

        var error = Assert.Throws<ArgumentException>(() => ScalingFit.Of(points, new Dictionary<string, long>()));

        Assert.Contains("org7", error.Message, StringComparison.Ordinal);
    }
}
