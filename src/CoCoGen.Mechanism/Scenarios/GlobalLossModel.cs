namespace CoCoGen.Mechanism.Scenarios;

/// <summary>How the global loss L(g) aggregates the local power-law losses (model.md §2).</summary>
public enum GlobalLossModel
{
    /// <summary>L(g) = ξ Σ π_k ℓ_k(D_k + g_k) with fixed weights π; strictly convex in g.</summary>
    Separable,

    /// <summary>L(g) = ξ Σ (n_k / Σ n_m) ℓ_k(n_k), the FedAvg-weighted objective; coupled.</summary>
    FedAvg,
}
