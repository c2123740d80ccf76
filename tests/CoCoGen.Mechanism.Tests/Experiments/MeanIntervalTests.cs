using CoCoGen.Mechanism.Experiments;

namespace CoCoGen.Mechanism.Tests.Experiments;

public sealed class MeanIntervalTests
{
    [Fact]
    public void Three_values_use_t_with_two_degrees_of_freedom()
    {
        // 1, 2, 3: mean 2, s = 1, s/√3 = 0.57735; t(0.975, 2) = 4.302653 from a printed t table.
        var interval = MeanInterval.Of([1, 2, 3]);

        Assert.Equal(2, interval.Mean, 12);
        Assert.Equal(2 - (4.302653 / Math.Sqrt(3)), interval.Lower, 5);
        Assert.Equal(2 + (4.302653 / Math.Sqrt(3)), interval.Upper, 5);
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.1, 0.9 }, Verdict.Holds)]
    [InlineData(new[] { -1.0, -1.1, -0.9 }, Verdict.Contradicted)]
    [InlineData(new[] { 0.0, 0.0, 0.0 }, Verdict.Contradicted)]
    [InlineData(new[] { 1.0, -0.5, 0.8 }, Verdict.Inconclusive)]
    [InlineData(new[] { 5.0 }, Verdict.Inconclusive)]
    public void The_verdict_on_a_positive_mean_needs_the_whole_interval(double[] differences, Verdict expected)
    {
        Assert.Equal(expected, MeanInterval.Of(differences).PositiveVerdict());
    }

    [Fact]
    public void One_value_has_unbounded_interval()
    {
        var interval = MeanInterval.Of([3.5]);

        Assert.Equal(3.5, interval.Mean);
        Assert.True(double.IsNegativeInfinity(interval.Lower) && double.IsPositiveInfinity(interval.Upper));
    }
}
