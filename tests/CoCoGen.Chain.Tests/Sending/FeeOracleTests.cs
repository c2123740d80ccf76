using System.Numerics;
using CoCoGen.Chain.Sending;

namespace CoCoGen.Chain.Tests.Sending;

public sealed class FeeOracleTests
{
    [Fact]
    public void Max_fee_is_twice_the_base_fee_plus_the_tip()
    {
        var fees = FeeOracle.Compose(875_000_000, 1_000_000_000);
        Assert.Equal(new BigInteger(2_750_000_000), fees.MaxFeePerGas);
        Assert.Equal(new BigInteger(1_000_000_000), fees.MaxPriorityFeePerGas);
    }

    [Fact]
    public void Replacement_raises_both_fees_by_more_than_the_ten_percent_nodes_require()
    {
        var old = new FeeSuggestion(2_000_000_000, 1_000_000_000);
        var bumped = FeeOracle.Bump(old, new FeeSuggestion(1_500_000_000, 500_000_000));
        Assert.Equal(new BigInteger(2_250_000_001), bumped.MaxFeePerGas);
        Assert.Equal(new BigInteger(1_125_000_001), bumped.MaxPriorityFeePerGas);
    }

    [Fact]
    public void Replacement_follows_a_market_that_rose_above_the_bump()
    {
        var bumped = FeeOracle.Bump(new FeeSuggestion(100, 10), new FeeSuggestion(1000, 200));
        Assert.Equal(new BigInteger(1000), bumped.MaxFeePerGas);
        Assert.Equal(new BigInteger(200), bumped.MaxPriorityFeePerGas);
    }
}
