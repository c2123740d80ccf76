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

        var guidance = policy.Solve(Organizations);

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

        Assert.All(policy.Solve(Organizations).Synthetic, g => Assert.Equal(expected, g));
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
}
