using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using Nethereum.Util;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>The chain client's exact mirror of v2's capped pair rule, and Keccak-256 weight hashes (Nethereum's Keccak).</summary>
public sealed class ChainSettlementArithmetic : ISettlementArithmetic, IWeightsHasher
{
    /// <inheritdoc/>
    public IReadOnlyList<BigInteger> NetTransfersWei(SettlementTerms terms, IReadOnlyList<BigInteger> contributionWad, IReadOnlyList<bool> active)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var n = terms.Members.Count;
        var rho = new BigInteger[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rho[i, j] = terms.RhoWad[(i * n) + j];
            }
        }

        return SettlementTransferPreview.NetWei(contributionWad, active, rho, terms.GammaWad, terms.WeiPerUnit, terms.Limits.DebitCapWei);
    }

    /// <inheritdoc/>
    public IReadOnlyList<BigInteger> NetVectorWei(SettlementTerms terms, IReadOnlyList<double> payments, IReadOnlyList<bool> active)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(active);
        var n = payments.Count;
        if (active.Count != n)
        {
            throw new ArgumentException($"{active.Count} activity flags for {n} payments", nameof(active));
        }

        var inRound = new double[n];
        for (var i = 0; i < n; i++)
        {
            inRound[i] = active[i] ? payments[i] : 0;
        }

        var net = PaymentWeiConverter.ToWei(inRound, terms.WeiPerUnit);
        var cap = terms.Limits.DebitCapWei;
        var largestDebit = net.Aggregate(BigInteger.Zero, (most, v) => BigInteger.Max(most, -v));
        if (largestDebit <= cap)
        {
            return net;
        }

        if (cap <= n)
        {
            // A cap of a few wei moves nothing, as the pair rule's clamp of floor(cap / (n − 1)) would not.
            return new BigInteger[n];
        }

        // Scale the whole vector, so it stays balanced and proportional; n wei of margin absorb the largest-remainder rounding.
        var factor = (double)(cap - n) / (double)largestDebit;
        for (var i = 0; i < n; i++)
        {
            inRound[i] *= factor;
        }

        return PaymentWeiConverter.ToWei(inRound, terms.WeiPerUnit);
    }

    /// <inheritdoc/>
    public string Hash(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return HashBytes(weights.ToBytes());
    }

    /// <inheritdoc/>
    public string HashBytes(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(bytes.ToArray()));
}
