using CoCoGen.Federation.Adapters.Calibration;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Guidance;

public sealed class MechanismGuidancePolicyTests
{
    private static readonly ScalingCalibration Calibration = new()
    {
        Dataset = "fashion-mnist",
        Alpha = 0.5,
        Organizations = 10,
        Seed = 1,
        A = 5.8,
        B = 0.35,
        C = 0.2,
        RSquared = 0.99,
        Curves = [],
        Points = [],
    };

    private static readonly OrganizationProfile[] Organizations =
        Enumerable.Range(1, 10).Select(i => new OrganizationProfile($"org{i}", ChainAddress.Parse($"0x{i:x40}"), 1000L * i)).ToArray();

    [Fact]
    public void CoCoGen_plus_guidance_lies_in_the_box_and_generates_something()
    {
        var policy = new MechanismGuidancePolicy(new MechanismOptions(), Calibration, seed: 1);

        var guidance = policy.Solve(Organizations, []);

        Assert.Equal(10, guidance.Synthetic.Count);
        Assert.All(guidance.Synthetic, g => Assert.InRange(g, 0, 6000));
        Assert.Contains(guidance.Synthetic, g => g is > 0 and < 6000);
        Assert.True(guidance.Synthetic.Sum() > 0);
        Assert.Equal(guidance.SocialWelfare, guidance.Utilities.Sum(), 6);
    }

    [Theory]
    [InlineData("madg", 6000)]
    [InlineData("wdg", 0)]
    [InlineData("vcfl", 0)]
    public void A_baseline_applies_its_own_decision_rule(string rule, double expected)
    {
        var policy = new MechanismGuidancePolicy(new MechanismOptions { Rule = rule }, Calibration, seed: 1);

        Assert.All(policy.Solve(Organizations, []).Synthetic, g => Assert.Equal(expected, g));
    }

    [Fact]
    public void Settlement_terms_are_normalised_symmetric_and_respect_remark_1()
    {
        var terms = new MechanismGuidancePolicy(new MechanismOptions { RhoBar = 0.9, GammaShare = 0.5 }, Calibration, seed: 1).Terms(Organizations);

        Assert.Equal(0.9 / 9, terms.RhoNormalised[1], 12);
        Assert.Equal(0, terms.RhoNormalised[0]);
        Assert.Equal(terms.RhoNormalised[(2 * 10) + 7], terms.RhoNormalised[(7 * 10) + 2]);
        Assert.Equal(0.5 * terms.PhiMin, terms.Gamma, 9);
        Assert.All(new MechanismGuidancePolicy(new MechanismOptions { Rule = "wco" }, Calibration, 1).Terms(Organizations).RhoNormalised, r => Assert.Equal(0, r));
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(0.8)]
    public void Guidance_moves_with_the_measured_losses_as_the_closed_form_says(double ratio)
    {
        // By hand (docs/federation.md, "The game follows the run"): in the separable game an interior n_i* = (w_i ξ π_i a_i b_i / β_i)^(1/(b_i+1))
        // depends on the organization's own curve only. Losses measured at ratio × the curve's prediction, trusted
        // alone (κ = 0), scale a_i (and c_i) by that ratio, so D_i + g_i* moves by ratio^(1/(b+1)) and nobody
        // else's guidance moves. Higher losses than predicted: more synthetic data; lower: less.
        var options = new MechanismOptions { CurvePriorWeight = 0 };
        var policy = new MechanismGuidancePolicy(options, Calibration, seed: 1);
        var before = policy.Solve(Organizations, []).Synthetic;
        var interior = Enumerable.Range(0, 10).Where(i => before[i] is > 500 and < 4000).ToArray();
        Assert.NotEmpty(interior);
        var k = interior[0];

        static double Curve(double n) => (5.8 * Math.Pow(n, -0.35)) + 0.2;
        var observed = new[] { 1000.0, 3000.0 }.Select((n, r) => new LossObservation(k, r + 1, (long)n, ratio * Curve(n))).ToArray();
        var after = policy.Solve(Organizations, observed).Synthetic;

        var d = Organizations[k].LocalSamples;
        Assert.Equal((d + before[k]) * Math.Pow(ratio, 1 / 1.35), d + after[k], 6);
        Assert.True(ratio > 1 ? after[k] > before[k] : after[k] < before[k]);
        Assert.All(Enumerable.Range(0, 10).Where(i => i != k), i => Assert.Equal(before[i], after[i]));
    }

    [Fact]
    public void Without_follow_run_the_observations_change_nothing()
    {
        var policy = new MechanismGuidancePolicy(new MechanismOptions { FollowRun = false }, Calibration, seed: 1);
        Assert.Equal(policy.Solve(Organizations, []).Synthetic, policy.Solve(Organizations, [new LossObservation(0, 1, 1000, 9.0)]).Synthetic);
    }

    [Fact]
    public void Configured_economics_replace_the_draws_of_that_organization_only()
    {
        var drawn = new MechanismGuidancePolicy(new MechanismOptions(), Calibration, seed: 1).Scenario(Organizations);
        var options = new MechanismOptions();
        options.Economics.Organizations["org3"] = new OrganizationEconomics { Revenue = 1000, RivalRate = 900, Frequency = 3e9, Capacitance = 2e-28 };
        var configured = new MechanismGuidancePolicy(options, Calibration, seed: 1).Scenario(Organizations);

        Assert.Equal(1000, configured.Organizations()[2].Valuation);
        Assert.Equal(900, configured.Organizations()[2].RivalRate);
        Assert.Equal(3e9, configured.Organizations()[2].FrequencyHz);
        Assert.Equal(drawn.Organizations()[5], configured.Organizations()[5]);
    }

    [Fact]
    public void Economics_for_an_unknown_organization_are_refused_naming_it()
    {
        var options = new MechanismOptions();
        options.Economics.Organizations["org99"] = new OrganizationEconomics { Revenue = 1 };
        var error = Assert.Throws<ArgumentException>(() => new MechanismGuidancePolicy(options, Calibration, seed: 1).Solve(Organizations, []));
        Assert.Contains("Mechanism:Economics:Organizations:org99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_economic_value_fails_validation_naming_the_organization_and_field()
    {
        var options = new MechanismOptions { Calibration = "." };
        options.Economics.Organizations["org2"] = new OrganizationEconomics { Revenue = -5 };
        options.Economics.TrainCycles = 0;
        var result = new MechanismOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Mechanism:Economics:Organizations:org2:Revenue", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Mechanism:Economics:TrainCycles", StringComparison.Ordinal));
    }
}
