using CoCoGen.Federation.Adapters.Ledger;
using System.Globalization;
using System.Numerics;

namespace CoCoGen.Federation.Tests.Ledger;

public sealed class PaymentWeiConverterTests
{
    [Fact]
    public void Exact_shares_round_by_largest_remainder_with_ties_to_the_lower_index()
    {
        // Shares 5, −2.5, −2.5: floors 5, −3, −3 leave one wei; both remainders are ½, member 1 gets it.
        Assert.Equal([5, -2, -3], PaymentWeiConverter.ToWei([0.5, -0.25, -0.25], 10));
        // Integer shares stay as they are.
        Assert.Equal([3, -1, -2], PaymentWeiConverter.ToWei([0.75, -0.25, -0.5], 4));
        // Shares 0.75, 0.5, −1.25 → floors 0, 0, −2; the two wei left go to the largest remainders (¾ and ¾).
        Assert.Equal([1, 0, -1], PaymentWeiConverter.ToWei([0.75, 0.5, -1.25], 1));
    }

    [Fact]
    public void The_floating_point_residual_is_shared_equally_and_the_wei_sum_to_zero()
    {
        // The doubles 0.1 + 0.2 − 0.3 sum to 2.78e−17 exactly: 27.76 wei at 1e18 wei per unit, spread over the three
        // members (expected values computed with Python's exact Fraction).
        var wei = PaymentWeiConverter.ToWei([0.1, 0.2, -0.3], BigInteger.Pow(10, 18));
        Assert.Equal(BigInteger.Zero, wei.Aggregate(BigInteger.Zero, (a, b) => a + b));
        Assert.Equal(BigInteger.Parse("99999999999999996", CultureInfo.InvariantCulture), wei[0]);
        Assert.Equal(BigInteger.Parse("200000000000000002", CultureInfo.InvariantCulture), wei[1]);
        Assert.Equal(BigInteger.Parse("-299999999999999998", CultureInfo.InvariantCulture), wei[2]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 1000)]
    [InlineData(4, 1_000_000)]
    public void Random_balanced_vectors_sum_to_zero_with_every_entry_within_one_wei_of_its_share(int seed, long weiPerUnit)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(1, 31);
            var payments = new double[n];
            double sum = 0;
            for (int i = 0; i + 1 < n; i++)
            {
                payments[i] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 4));
                sum += payments[i];
            }

            payments[n - 1] = -sum;
            double residual = payments.Sum();
            var wei = PaymentWeiConverter.ToWei(payments, weiPerUnit);
            Assert.Equal(BigInteger.Zero, wei.Aggregate(BigInteger.Zero, (a, b) => a + b));
            for (int i = 0; i < n; i++)
            {
                double share = (payments[i] - (residual / n)) * weiPerUnit;
                Assert.InRange((double)wei[i] - share, -1 - 1e-6, 1 + 1e-6);
            }
        }
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        var nan = Assert.Throws<ArgumentException>(() => PaymentWeiConverter.ToWei([0, double.NaN], 1));
        Assert.Contains("payments[1]", nan.Message, StringComparison.Ordinal);
        var unbalanced = Assert.Throws<ArgumentException>(() => PaymentWeiConverter.ToWei([1, -0.5], 1));
        Assert.Contains("not 0", unbalanced.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PaymentWeiConverter.ToWei([], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentWeiConverter.ToWei([0], 0));
    }
}
