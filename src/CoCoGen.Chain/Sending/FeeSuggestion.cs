using System.Numerics;

namespace CoCoGen.Chain.Sending;

/// <summary>EIP-1559 fees for the next transaction.</summary>
/// <param name="MaxFeePerGas">Cap on base fee plus tip.</param>
/// <param name="MaxPriorityFeePerGas">Tip.</param>
public sealed record FeeSuggestion(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
