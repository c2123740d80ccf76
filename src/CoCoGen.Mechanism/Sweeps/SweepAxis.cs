namespace CoCoGen.Mechanism.Sweeps;

/// <summary>The parameter a sweep varies (paper Figs 4, 5 and 7).</summary>
public enum SweepAxis
{
    /// <summary>Mean competitive intensity ρ̄ ∈ {0.1, 0.5, 0.9}, one series per α (Figs 4 and 7).</summary>
    Rho,

    /// <summary>Heterogeneity α from the scenario's loss-curve table, one series per ρ̄ (Figs 4 and 7).</summary>
    Alpha,

    /// <summary>Compensation rate γ over [0, min φ], one series per α (Fig 5).</summary>
    Gamma,
}
