namespace CoCoGen.Federation.Ports;

/// <summary>How a round's commitment moves the bonds (same order as the contract's enum).</summary>
public enum SettlementMode
{
    /// <summary>The pair rule r_ij = γ ρ̂_ij (x_i − x_j), from committed contributions.</summary>
    PairRule,

    /// <summary>A committed, budget-balanced net vector in wei (M^Shap).</summary>
    NetVector,
}
