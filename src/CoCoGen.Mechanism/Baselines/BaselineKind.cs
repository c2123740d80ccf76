namespace CoCoGen.Mechanism.Baselines;

/// <summary>The decision rules compared in the paper's section V (model.md §7).</summary>
public enum BaselineKind
{
    /// <summary>The equilibrium of section 5, scored with the full utility.</summary>
    CoCoGenPlus,

    /// <summary>Vanilla CFL: g = 0, scored with ρ = 0 and γ = 0.</summary>
    Vcfl,

    /// <summary>Without competition: the equilibrium with ρ = 0, scored with ρ = 0.</summary>
    Wco,

    /// <summary>Without data generation: g = 0, full utility.</summary>
    Wdg,

    /// <summary>Random data generation: g_i ~ U[0, G_i] (seeded), full utility.</summary>
    Radg,

    /// <summary>Maximum data generation: g = G, full utility.</summary>
    Madg,
}
