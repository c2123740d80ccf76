namespace CoCoGen.Mechanism.Scenarios;

/// <summary>How an organization's contribution x_i is measured (model.md §3).</summary>
public enum ContributionMeasure
{
    /// <summary>x_i = L(−i; g) − L(g): marginal contribution to global performance.</summary>
    Performance,

    /// <summary>x_i = D_i + g_i: TradeFL's data measure; φ and γ are then per sample.</summary>
    Data,
}
