namespace CoCoGen.Mechanism.Scenarios;

/// <summary>How the fixed weights π_k of the separable global loss are chosen.</summary>
public enum LossWeighting
{
    /// <summary>π_k = D_k / Σ D (scenario value "data-share", the default).</summary>
    DataShare,

    /// <summary>π_k = 1 / n (scenario value "uniform").</summary>
    Uniform,

    /// <summary>π_k given explicitly in the scenario, summing to one.</summary>
    Explicit,
}
