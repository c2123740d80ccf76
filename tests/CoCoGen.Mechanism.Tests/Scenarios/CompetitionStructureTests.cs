using CoCoGen.Mechanism.Sampling;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Tests.Scenarios;

public class CompetitionStructureTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(33)]
    public void Uniform_products_match_the_dense_matrix_of_the_same_intensity(int n)
    {
        var random = new Random(n);
        var dense = new DenseCompetition(n, Enumerable.Range(0, n * n).Select(k => k / n == k % n ? 0.0 : 0.37).ToArray());
        var uniform = new UniformCompetition(n, 0.37);
        double[] x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 100).ToArray();
        double[] w = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var a = new double[n];
        var b = new double[n];

        dense.Multiply(x, a);
        uniform.Multiply(x, b);
        AssertClose(a, b);
        dense.GapSums(x, a);
        uniform.GapSums(x, b);
        AssertClose(a, b);
        dense.WeightedGapSums(w, x, a);
        uniform.WeightedGapSums(w, x, b);
        AssertClose(a, b);
    }

    [Fact]
    public void Dense_multiply_matches_a_scalar_reference_over_many_lengths()
    {
        for (int n = 2; n < 40; n++)
        {
            var random = new Random(n);
            var raw = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    raw[(i * n) + j] = raw[(j * n) + i] = random.NextDouble();
                }
            }

            var dense = new DenseCompetition(n, raw);
            double[] v = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            var result = new double[n];
            dense.Multiply(v, result);
            for (int i = 0; i < n; i++)
            {
                double expected = 0;
                for (int j = 0; j < n; j++)
                {
                    expected += raw[(i * n) + j] / (n - 1) * v[j];
                }

                Assert.Equal(expected, result[i], 12);
            }
        }
    }

    [Fact]
    public void Gap_sums_cancel_to_rounding()
    {
        var dense = new RandomScenarioGenerator(4).Next(9, GlobalLossModel.Separable, ContributionMeasure.Data).Competition;
        var random = new Random(1);
        double[] x = Enumerable.Range(0, 9).Select(_ => random.NextDouble() * 1e4).ToArray();
        var gaps = new double[9];
        dense.GapSums(x, gaps);
        Assert.True(Math.Abs(gaps.Sum()) <= 1e-12 * gaps.Sum(Math.Abs));
    }

    [Fact]
    public void Rescaling_to_a_mean_intensity_hits_it_when_nothing_clips()
    {
        var dense = new DenseCompetition(3, [0, 0.2, 0.4, 0.2, 0, 0.3, 0.4, 0.3, 0]);
        Assert.Equal(0.3, dense.MeanIntensity, 12);
        Assert.Equal(0.6, dense.WithMeanIntensity(0.6).MeanIntensity, 12);
        Assert.Equal(0.8, dense.WithMeanIntensity(0.6).Raw(0, 2), 12);
    }

    [Fact]
    public void Dense_length_mismatch_throws()
    {
        var dense = new DenseCompetition(2, [0, 1, 1, 0]);
        Assert.Throws<ArgumentException>(() => dense.Multiply(new double[3], new double[2]));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-10 * (1 + Math.Abs(expected[i])), $"[{i}] {expected[i]} vs {actual[i]}");
        }
    }
}
