namespace CoCoGen.Federation.Ports;

/// <summary>The redistribution rule the contract enforces, as the mechanism defines it.</summary>
/// <param name="RhoNormalised">ρ̂_ij = ρ_ij/(n−1), n×n row-major, symmetric, zero diagonal.</param>
/// <param name="Gamma">Compensation rate γ (money per unit of contribution gap).</param>
/// <param name="PhiMin">min_j φ_j: Remark 1's bound on γ.</param>
public sealed record CompetitionTerms(IReadOnlyList<double> RhoNormalised, double Gamma, double PhiMin);
