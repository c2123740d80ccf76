using CoCoGen.Chain.Hosting;
using CoCoGen.Federation.Adapters.Calibration;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Federation.Ports;
using CoCoGen.Mechanism.Calibration;

namespace CoCoGen.Federation.Tests.Calibration;

public sealed class ShippedCalibrationTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "calibration");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Folder, path));
        }

        return data;
    }

    [Fact]
    public void Fashion_mnist_and_cifar10_are_shipped_at_the_three_alphas()
    {
        foreach (var dataset in new[] { "fashion-mnist", "cifar10" })
        {
            var alphas = Directory.EnumerateFiles(Folder, "*.json").Select(ScalingCalibration.Load).Where(c => c.Dataset == dataset).Select(c => c.Alpha).Order();
            Assert.Equal([0.1, 0.5, 0.9], alphas);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_shipped_file_refits_from_its_own_points_to_its_stored_parameters(string file)
    {
        var calibration = ScalingCalibration.Load(Path.Combine(Folder, file));

        var refit = calibration.Refit();

        Assert.NotNull(calibration.Command);
        Assert.StartsWith("cocogen fit-scaling", calibration.Command, StringComparison.Ordinal);
        Assert.Equal(calibration.RSquared, refit.RSquared, 1e-9);
        Assert.Equal(calibration.RSquaredSeedMeans, refit.RSquaredSeedMeans, 1e-9);
        Assert.Equal(calibration.C, refit.C, 1e-6);
        Assert.Equal(calibration.A, refit.A, Math.Max(1e-9, Math.Abs(calibration.A) * 1e-6));
        Assert.Equal(calibration.Pooled!.CInterval.Upper, refit.Pooled!.CInterval.Upper, 1e-6);
        Assert.Equal(calibration.Curves.Select(c => c.RSquared), refit.Curves.Select(c => c.RSquared), (x, y) => Math.Abs(x - y) < 1e-9);
        if (calibration.Dataset == "cifar10")
        {
            Assert.Contains("JPEG q75", calibration.Provenance, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_chart_shows_points_seed_means_and_the_fitted_curve()
    {
        var points = new List<ScalingPoint>();
        foreach (var g in new[] { 0, 500, 1000, 2000 })
        {
            points.Add(new ScalingPoint("org1", 1, g, 1000 + g, 2.0 / Math.Sqrt(1 + (g / 500.0))));
            points.Add(new ScalingPoint("org1", 2, g, 1000 + g, 2.1 / Math.Sqrt(1 + (g / 500.0))));
        }

        var fit = ScalingFit.Of(points, new Dictionary<string, long> { ["org1"] = 1000 });
        var calibration = new ScalingCalibration
        {
            Dataset = "fashion-mnist", Alpha = 0.5, Organizations = 1, Seed = 1, Seeds = 2,
            A = fit.Pooled.A, B = fit.Pooled.B, C = fit.Pooled.C, RSquared = fit.Pooled.RSquared, RSquaredSeedMeans = fit.PooledRSquaredSeedMeans,
            Curves = fit.Curves, Points = points,
        };

        var svg = SvgChartWriter.Render(ScalingChart.Of(calibration));

        Assert.Contains("each seed (2)", svg, StringComparison.Ordinal);
        Assert.Contains("seed means", svg, StringComparison.Ordinal);
        Assert.Contains("pooled fit", svg, StringComparison.Ordinal);
        Assert.Equal(1, svg.Split("<polyline").Length - 1);
        var series = System.Xml.Linq.XDocument.Parse(svg).Descendants().Where(e => (string?)e.Attribute("class") == "series").ToArray();
        Assert.Equal([8, 4, 0], series.Select(g => g.Elements().Count(e => e.Name.LocalName != "polyline")));
    }

    [Theory]
    [InlineData("fashion-mnist", 0.5)]
    [InlineData("cifar10", 0.5)]
    public void The_shipped_calibration_gives_the_default_guidance_a_solution_in_the_box(string dataset, double alpha)
    {
        var calibration = ScalingCalibration.Find(Folder, dataset, alpha);
        var organizations = calibration.Curves
            .Select((c, i) => new OrganizationProfile(c.Id, ChainAddress.Parse($"0x{i + 1:x40}"), c.LocalSamples)).ToArray();

        var guidance = new MechanismGuidancePolicy(new MechanismOptions(), calibration, seed: 1).Solve(organizations, []);

        Assert.Equal(organizations.Length, guidance.Synthetic.Count);
        Assert.All(guidance.Synthetic, g => Assert.InRange(g, 0, new MechanismOptions().MaxSynthetic));
        Assert.True(double.IsFinite(guidance.SocialWelfare));
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(0.6)]
    public void The_default_guidance_follows_reported_losses_as_the_hand_derived_static_says(double ratio)
    {
        // The default run's setting: default options, the calibration a run picks for Fashion-MNIST at α 0.5, the D_i
        // it was measured on. By hand (docs/federation.md, "The game follows the run"): losses reported at ratio × the
        // curve's prediction scale a_k by s = (κ ℓ(D)² + Σ w ℓ̂ ℓ(n)) / (κ ℓ(D)² + Σ w ℓ(n)²), so an interior
        // D_k + g_k* moves by s^(1/(b_k+1)) and nobody else's guidance moves.
        var calibration = ScalingCalibration.Find(Folder, "fashion-mnist", 0.5);
        var organizations = calibration.Curves
            .Select((c, i) => new OrganizationProfile(c.Id, ChainAddress.Parse($"0x{i + 1:x40}"), c.LocalSamples)).ToArray();
        var options = new MechanismOptions();
        var policy = new MechanismGuidancePolicy(options, calibration, seed: 1);
        var before = policy.Solve(organizations, []).Synthetic;
        var interior = Enumerable.Range(0, before.Count).Where(i => before[i] > 1 && before[i] < options.MaxSynthetic - 1).ToArray();
        Assert.NotEmpty(interior);
        var k = interior[0];
        var curve = calibration.Curves[k];
        double Loss(double n) => (curve.A * Math.Pow(n, -curve.B)) + curve.C;
        var d = (double)curve.LocalSamples;
        var n = d + before[k];

        // Two rounds at the realised n; the older weighs λ = 0.5.
        var observed = new[] { new LossObservation(k, 1, (long)Math.Round(n), ratio * Loss(Math.Round(n))), new LossObservation(k, 2, (long)Math.Round(n), ratio * Loss(Math.Round(n))) };
        var after = policy.Solve(organizations, observed).Synthetic;

        var prior = options.CurvePriorWeight * Loss(d) * Loss(d);
        var weights = 0.5 + 1.0;
        var s = (prior + (weights * ratio * Loss(Math.Round(n)) * Loss(Math.Round(n)))) / (prior + (weights * Loss(Math.Round(n)) * Loss(Math.Round(n))));
        Assert.True(ratio > 1 ? after[k] > before[k] : after[k] < before[k]);
        Assert.Equal(n * Math.Pow(s, 1 / (curve.B + 1)), d + after[k], 3);
        Assert.All(Enumerable.Range(0, before.Count).Where(i => i != k), i => Assert.Equal(before[i], after[i]));
    }
}
