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
    public string Hash(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return HashBytes(weights.ToBytes());
    }

    /// <inheritdoc/>
    public string HashBytes(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(bytes.ToArray()));
}
