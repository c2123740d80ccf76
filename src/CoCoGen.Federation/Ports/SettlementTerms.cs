using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>Everything the settlement contract is configured with before round 1: the published rule and its limits.</summary>
/// <param name="Members">Member accounts in registration order (index = organization order).</param>
/// <param name="RhoWad">Normalised competition ρ̂ = ρ/(n−1), × 1e18, n×n row-major.</param>
/// <param name="GammaWad">Compensation rate γ × 1e18.</param>
/// <param name="PhiMinWad">min_j φ_j × 1e18 (Remark 1 bound the contract checks).</param>
/// <param name="WeiPerUnit">Wei per money unit of the mechanism.</param>
/// <param name="Limits">The bond limits: minimum bond, per-round debit cap, challenge stake, coordinator bond.</param>
/// <param name="Timeouts">The commit timeout, challenge window and absence timeout, in seconds of chain time.</param>
public sealed record SettlementTerms(
    IReadOnlyList<ChainAddress> Members,
    IReadOnlyList<BigInteger> RhoWad,
    BigInteger GammaWad,
    BigInteger PhiMinWad,
    BigInteger WeiPerUnit,
    SettlementLimits Limits,
    SettlementTimeouts Timeouts);
