namespace CoCoGen.Mechanism.TradeFl;

/// <summary>One (γ, scheme) point of the γ sweep.</summary>
/// <param name="Gamma">γ.</param>
/// <param name="Scheme">The scheme.</param>
/// <param name="SocialWelfare">Σ C_i (Figs 7, 8, 10).</param>
/// <param name="TotalDamage">Σ D_i (Fig. 9).</param>
/// <param name="TotalDataFraction">Σ d_i (Fig. 12).</param>
/// <param name="Potential">U.</param>
public sealed record TradeFlSweepRow(
    double Gamma,
    TradeFlScheme Scheme,
    double SocialWelfare,
    double TotalDamage,
    double TotalDataFraction,
    double Potential);
