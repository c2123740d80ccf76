using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;
using Nethereum.Util;

namespace CoCoGen.Chain.Tests.Contracts;

public sealed class SettlementNetVectorTests
{
    [Fact]
    public void Hash_is_keccak_of_the_entries_as_packed_twos_complement_words()
    {
        var packed = new byte[64];
        packed[31] = 5;
        packed.AsSpan(32).Fill(0xff);
        packed[63] = 0xfb;
        Assert.Equal(Sha3Keccack.Current.CalculateHash(packed), SettlementNetVector.Hash([5, -5]));
        // Keccak-256 of the empty string, as published.
        Assert.Equal("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Convert.ToHexStringLower(SettlementNetVector.Hash([])));
        Assert.Throws<ArgumentOutOfRangeException>(() => SettlementNetVector.Hash([BigInteger.Pow(2, 255)]));
    }

    [Fact]
    public void EnsureBalanced_accepts_a_zero_sum_within_the_bound_and_cap_and_names_the_sum_or_the_entry_otherwise()
    {
        var max = SettlementNetVector.MaxAbsNetWei;
        SettlementNetVector.EnsureBalanced([max, -max, 0], max);
        var sum = Assert.Throws<ArgumentException>(() => SettlementNetVector.EnsureBalanced([3, -1, -1], max));
        Assert.Contains("sums to 1 wei", sum.Message, StringComparison.Ordinal);
        var entry = Assert.Throws<ArgumentException>(() => SettlementNetVector.EnsureBalanced([0, max + 1, -(max + 1)], max));
        Assert.Contains("entry 1", entry.Message, StringComparison.Ordinal);
        var capped = Assert.Throws<ArgumentException>(() => SettlementNetVector.EnsureBalanced([5, 0, -5], 4));
        Assert.Contains("entry 2 debits 5 wei, above the debit cap of 4 wei", capped.Message, StringComparison.Ordinal);
        Assert.Equal(BigInteger.Pow(10, 54), max);
    }
}
