using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;

namespace CoCoGen.Chain.Tests.Contracts;

public sealed class SettlementTransferPreviewTests
{
    private static readonly BigInteger Wad = SettlementTransferPreview.WadScale;

    [Fact]
    public void Two_members_hand_computed()
    {
        // γ = 0.5, ρ̂ = 0.4, x = (2, -1), 1 unit = 1e15 wei: rate = 0.2, r = 0.2·3 = 0.6 units = 6e14 wei.
        var rho = new BigInteger[,] { { 0, Wad * 4 / 10 }, { Wad * 4 / 10, 0 } };
        var net = SettlementTransferPreview.NetWei([2 * Wad, -Wad], [true, true], rho, Wad / 2, BigInteger.Pow(10, 15), Wad);
        Assert.Equal(new BigInteger(600_000_000_000_000), net[0]);
        Assert.Equal(new BigInteger(-600_000_000_000_000), net[1]);
    }

    [Fact]
    public void Negative_fractions_truncate_toward_zero_like_solidity()
    {
        // rWad = 1e18 · (−1) / 1e18 = −1 ; rWei = −1 · 3 / 1e18 = −3e-18 → 0 (toward zero, not −1).
        Assert.Equal(BigInteger.Zero, SettlementTransferPreview.PairTransferWei(0, 1, Wad, Wad, 3));
        // rWad = rate·(−7)/1e18 with rate = 0.5e18 → −3.5 → −3.
        Assert.Equal(new BigInteger(-3), SettlementTransferPreview.PairTransferWei(0, 7, Wad, Wad / 2, Wad));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Net_sums_to_zero_and_pairs_are_antisymmetric_for_random_inputs(int seed)
    {
        var random = new Random(seed);
        const int n = 12;
        var rho = new BigInteger[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                rho[i, j] = rho[j, i] = new BigInteger(random.NextInt64(0, long.MaxValue)) % (Wad + 1);
            }
        }

        var x = Enumerable.Range(0, n).Select(_ => new BigInteger(random.NextInt64(long.MinValue, long.MaxValue)) * 1_000_000_000).ToArray();
        var active = Enumerable.Range(0, n).Select(index => index % 5 != 3).ToArray();
        var net = SettlementTransferPreview.NetWei(x, active, rho, Wad * 3 / 7, 123_456_789_012, BigInteger.Pow(10, 54));
        Assert.Equal(BigInteger.Zero, net.Aggregate(BigInteger.Zero, (sum, value) => sum + value));
        Assert.Equal(BigInteger.Zero, net[3]);
        Assert.True(net.Count(value => !value.IsZero) > n / 2);
        Assert.Equal(
            -SettlementTransferPreview.PairTransferWei(x[1], x[0], rho[1, 0], Wad * 3 / 7, 123_456_789_012),
            SettlementTransferPreview.PairTransferWei(x[0], x[1], rho[0, 1], Wad * 3 / 7, 123_456_789_012));
    }

    [Fact]
    public void Each_pair_is_clamped_to_the_cap_over_n_minus_1_so_no_member_pays_more_than_the_cap()
    {
        // Three members, ρ̂ = 0.5, γ = 1, 1 unit = 1 wei·1e18: unclamped r_01 = 5, r_02 = 10, r_12 = 5 (wei).
        var half = Wad / 2;
        var rho = new BigInteger[,] { { 0, half, half }, { half, 0, half }, { half, half, 0 } };
        BigInteger[] x = [20 * Wad, 10 * Wad, 0];
        var free = SettlementTransferPreview.NetWei(x, [true, true, true], rho, Wad, 1, 100);
        Assert.Equal([new BigInteger(15), BigInteger.Zero, new BigInteger(-15)], free);

        // cap 13 → pair cap floor(13 / 2) = 6: r_02 = 10 clamps to 6; member 2 pays 11, not 15, and never above 13.
        var capped = SettlementTransferPreview.NetWei(x, [true, true, true], rho, Wad, 1, 13);
        Assert.Equal([new BigInteger(11), BigInteger.Zero, new BigInteger(-11)], capped);

        // With member 1 out of the round the pair cap is the whole cap (n − 1 = 1).
        var two = SettlementTransferPreview.NetWei(x, [true, false, true], rho, Wad, 1, 7);
        Assert.Equal([new BigInteger(7), BigInteger.Zero, new BigInteger(-7)], two);
    }

    [Fact]
    public void Asymmetric_rho_is_rejected_naming_the_entry()
    {
        var rho = new BigInteger[,] { { 0, 1 }, { 2, 0 } };
        var exception = Assert.Throws<ArgumentException>(() => SettlementTransferPreview.NetWei([0, 0], [true, true], rho, 0, 1, 1));
        Assert.Contains("ρ̂[0,1]", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", "1500000000000000000")]
    [InlineData("-0.000000000000000001", "-1")]
    [InlineData("0.1234567890123456789", "123456789012345678")]
    public void Decimal_to_wad_is_exact_to_18_places(string text, string expected) =>
        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SettlementTransferPreview.ToWad(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));
}
