using CoCoGen.Learning.Data;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Data;

public sealed class GammaSamplerTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(30.0)]
    public void Sample_mean_and_variance_match_the_shape(double shape)
    {
        const int n = 40_000;
        var sampler = new GammaSampler(new RandomSource(11));
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double x = sampler.Next(shape);
            Assert.True(x >= 0);
            sum += x;
            sumSquares += x * x;
        }

        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        // Gamma(k, 1) has mean k and variance k; five standard errors of the mean.
        Assert.InRange(mean, shape - 5 * Math.Sqrt(shape / n), shape + 5 * Math.Sqrt(shape / n));
        Assert.InRange(variance, 0.9 * shape, 1.1 * shape);
    }

    [Fact]
    public void Same_seed_repeats_the_sequence()
    {
        var a = new GammaSampler(new RandomSource(5));
        var b = new GammaSampler(new RandomSource(5));
        var c = new GammaSampler(new RandomSource(6));

        var first = Enumerable.Range(0, 20).Select(_ => a.Next(0.7)).ToArray();

        Assert.Equal(first, Enumerable.Range(0, 20).Select(_ => b.Next(0.7)));
        Assert.NotEqual(first, Enumerable.Range(0, 20).Select(_ => c.Next(0.7)));
    }

    [Fact]
    public void Dirichlet_draw_is_a_probability_vector()
    {
        var sampler = new GammaSampler(new RandomSource(3));
        var p = new double[7];

        sampler.NextDirichlet(0.05, p);

        Assert.All(p, x => Assert.True(x >= 0));
        Assert.Equal(1.0, p.Sum(), 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_shape_is_rejected(double shape)
    {
        var sampler = new GammaSampler(new RandomSource(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Next(shape));
    }
}
