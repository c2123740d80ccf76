using System.Numerics;

namespace CoCoGen.Chain.Rpc;

/// <summary>eth_feeHistory: base fees per block (including the next block's) and tip percentiles per block.</summary>
/// <param name="OldestBlock">First block of the range.</param>
/// <param name="BaseFeePerGas">One entry per block plus one for the next block.</param>
/// <param name="Reward">Per block, the requested tip percentiles.</param>
public sealed record FeeHistory(ulong OldestBlock, IReadOnlyList<BigInteger> BaseFeePerGas, IReadOnlyList<IReadOnlyList<BigInteger>> Reward)
{
    /// <summary>The base fee the next block will charge.</summary>
    public BigInteger NextBaseFee => BaseFeePerGas.Count > 0 ? BaseFeePerGas[^1] : BigInteger.Zero;
}
