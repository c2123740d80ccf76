namespace CoCoGen.Mechanism.Scenarios;

/// <summary>One organization's public profile: the per-organization inputs of model.md §1.</summary>
/// <param name="Id">Unique identifier used in every message and report.</param>
/// <param name="LocalSamples">D_i, real local training samples (&gt; 0).</param>
/// <param name="MaxSynthetic">G_i, the cap on synthetic samples per round (&gt; 0).</param>
/// <param name="FrequencyHz">f_i, processing capability in Hz.</param>
/// <param name="Capacitance">κ_i, effective switched capacitance in J/(cycle·Hz²).</param>
/// <param name="Valuation">p_i, revenue per unit of global-model performance.</param>
/// <param name="RivalRate">φ_i, revenue per unit of contribution gap extracted from a rival.</param>
/// <param name="LossCurve">The power law ℓ_i fitted for the current heterogeneity level.</param>
public sealed record OrganizationProfile(
    string Id,
    double LocalSamples,
    double MaxSynthetic,
    double FrequencyHz,
    double Capacitance,
    double Valuation,
    double RivalRate,
    LossCurve LossCurve);
