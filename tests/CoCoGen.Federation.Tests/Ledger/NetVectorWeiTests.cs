using System.Numerics;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Ledger;

public sealed class NetVectorWeiTests
{
    private static SettlementTerms Terms(BigInteger debitCap) => new(
        [ChainAddress.Parse($"0x{1:x40}"), ChainAddress.Parse($"0x{2:x40}"), ChainAddress.Parse($"0x{3:x40}")],
        new BigInteger[9],
        BigInteger.Zero,
        BigInteger.Zero,
        BigInteger.Pow(10, 15),
        new SettlementLimits(BigInteger.Pow(10, 18), debitCap, BigInteger.Pow(10, 16), BigInteger.Pow(10, 18)),
        new SettlementTimeouts(3600, 30, 86400));

    [Fact]
    public void Exact_binary_payments_become_exact_wei_that_sum_to_zero()
    {
        // By hand: (0.4375, 0.0625, −0.5) units × 1e15 wei per unit.
        var net = new ChainSettlementArithmetic().NetVectorWei(Terms(BigInteger.Pow(10, 18)), [0.4375, 0.0625, -0.5], [true, true, true]);
        Assert.Equal([437_500_000_000_000, 62_500_000_000_000, -500_000_000_000_000], net.Select(v => (long)v));
    }

    [Fact]
    public void A_debit_above_the_cap_scales_the_whole_vector_down_and_keeps_it_balanced()
    {
        // Unscaled, member 3 would pay 5e14 wei; the cap is 1e14: every entry shrinks by about 5x.
        var cap = BigInteger.Pow(10, 14);
        var net = new ChainSettlementArithmetic().NetVectorWei(Terms(cap), [0.4375, 0.0625, -0.5], [true, true, true]);
        Assert.Equal(BigInteger.Zero, net[0] + net[1] + net[2]);
        Assert.True(-net[2] <= cap, $"debit {-net[2]} above the cap {cap}");
        Assert.True(-net[2] > cap - 10, $"debit {-net[2]} scaled further than needed");
        Assert.InRange((double)net[0] / (double)net[1], 6.99, 7.01);
    }

    [Fact]
    public void A_member_outside_the_round_gets_nothing()
    {
        var net = new ChainSettlementArithmetic().NetVectorWei(Terms(BigInteger.Pow(10, 18)), [0.25, -0.25, 0], [true, true, false]);
        Assert.Equal(BigInteger.Zero, net[2]);
        Assert.Equal(BigInteger.Zero, net[0] + net[1]);
    }

    [Fact]
    public void A_vector_that_does_not_balance_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ChainSettlementArithmetic().NetVectorWei(Terms(BigInteger.Pow(10, 18)), [0.25, 0.25, 0], [true, true, true]));
}
