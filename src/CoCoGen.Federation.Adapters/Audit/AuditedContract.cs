using System.Numerics;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>The settlement terms the audit read from the contract and recomputed every transfer from.</summary>
/// <param name="Members">The members in registration order, with their bonds.</param>
/// <param name="RhoWad">ρ̂_ij × 1e18, row i for member i (the diagonal is 0).</param>
/// <param name="GammaWad">γ × 1e18.</param>
/// <param name="WeiPerUnit">Wei per payoff unit.</param>
public sealed record AuditedContract(
    IReadOnlyList<AuditedMember> Members,
    IReadOnlyList<IReadOnlyList<BigInteger>> RhoWad,
    BigInteger GammaWad,
    BigInteger WeiPerUnit);
