namespace CoCoGen.Mechanism.TradeFl;

/// <summary>A scheme's resource-contribution profile and what it yields in the real game.</summary>
/// <param name="Scheme">The scheme.</param>
/// <param name="Strategies">π = {d_i, f_i}.</param>
/// <param name="Payoffs">C_i (Eq. 11).</param>
/// <param name="Redistributions">R_i (Eq. 10); they sum to zero (Definition 5).</param>
/// <param name="Transfers">r_{i,j} (Eq. 9): what i receives from j; antisymmetric when ρ is symmetric.</param>
/// <param name="SocialWelfare">Σ_i C_i.</param>
/// <param name="Potential">U(π) (exact weighted potential).</param>
/// <param name="TotalDamage">Σ_i D_i.</param>
/// <param name="TotalDataFraction">Σ_i d_i (Fig. 12).</param>
/// <param name="Iterations">Benders iterations or best-response passes (0 for TOS).</param>
/// <param name="PotentialTrace">U per iteration or pass (Fig. 4).</param>
public sealed record TradeFlOutcome(
    TradeFlScheme Scheme,
    IReadOnlyList<TradeFlStrategy> Strategies,
    IReadOnlyList<double> Payoffs,
    IReadOnlyList<double> Redistributions,
    double[,] Transfers,
    double SocialWelfare,
    double Potential,
    double TotalDamage,
    double TotalDataFraction,
    int Iterations,
    IReadOnlyList<double> PotentialTrace);
