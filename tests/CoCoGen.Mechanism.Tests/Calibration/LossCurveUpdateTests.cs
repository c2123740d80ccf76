using CoCoGen.Mechanism.Calibration;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Tests.Calibration;

public sealed class LossCurveUpdateTests
{
    private static readonly LossCurve Prior = new(4, 0.5, 0.25);

    [Fact]
    public void Observations_that_agree_with_the_curve_leave_it_alone()
    {
        // ℓ(400) = 4/20 + 0.25 = 0.45, ℓ(10000) = 4/100 + 0.25 = 0.29.
        var s = LossCurveUpdate.Scale(Prior, 400, 1, [new(400, 0.45, 1), new(10_000, 0.29, 0.5)]);
        Assert.Equal(1, s, 14);
    }

    [Fact]
    public void Without_a_prior_the_factor_is_the_observed_ratio()
    {
        // Every observation twice the prediction: s = 2 exactly, whatever the weights.
        var s = LossCurveUpdate.Scale(Prior, 400, 0, [new(400, 0.9, 1), new(10_000, 0.58, 0.25)]);
        Assert.Equal(2, s, 14);
    }

    [Fact]
    public void The_prior_counts_as_kappa_agreeing_observations()
    {
        // By hand: κ = 1 at D = 400 (ℓ = 0.45), one observation at n = 400 with loss 0.9 and weight 1:
        // s = (0.45² + 0.9·0.45) / (0.45² + 0.45²) = 1.5.
        var s = LossCurveUpdate.Scale(Prior, 400, 1, [new(400, 0.9, 1)]);
        Assert.Equal(1.5, s, 14);
        var curve = LossCurveUpdate.Apply(Prior, 400, 1, [new(400, 0.9, 1)]);
        Assert.Equal(new LossCurve(6, 0.5, 0.375), curve);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(400, -1, 1)]
    [InlineData(400, 1, double.NaN)]
    public void Refuses_what_is_not_positive_and_finite(double samples, double loss, double weight) =>
        Assert.Throws<ArgumentException>(() => LossCurveUpdate.Scale(Prior, 400, 1, [new(samples, loss, weight)]));

    [Fact]
    public void Needs_something_to_fit() =>
        Assert.Throws<ArgumentException>(() => LossCurveUpdate.Scale(Prior, 400, 0, []));
}
