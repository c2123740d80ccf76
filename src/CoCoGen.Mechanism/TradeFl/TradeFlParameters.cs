namespace CoCoGen.Mechanism.TradeFl;

/// <summary>The scalar parameters of TradeFL.</summary>
/// <param name="Gamma">γ ≥ 0, incentive intensity: price per unit of resource difference (Eq. 9).</param>
/// <param name="Lambda">λ &gt; 0, brings computation (Hz) to the magnitude of data (bits) in Eq. 9.</param>
/// <param name="Capacitance">κ, effective switched capacitance of the chipset.</param>
/// <param name="EnergyWeight">ϖ_e ≥ 0, weight of the training overhead in the payoff.</param>
/// <param name="DeadlineSeconds">τ, the deadline of one training round.</param>
/// <param name="MinDataFraction">D_min ∈ (0, 1], the least share of data a participant contributes.</param>
public sealed record TradeFlParameters(
    double Gamma,
    double Lambda,
    double Capacitance,
    double EnergyWeight,
    double DeadlineSeconds,
    double MinDataFraction)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad field.</summary>
    public void Validate()
    {
        Check(Gamma >= 0 && !double.IsInfinity(Gamma), "gamma", "must be non-negative and finite", Gamma);
        Check(Lambda > 0 && !double.IsInfinity(Lambda), "lambda", "must be positive and finite", Lambda);
        Check(Capacitance >= 0 && !double.IsInfinity(Capacitance), "kappa", "must be non-negative and finite", Capacitance);
        Check(EnergyWeight >= 0 && !double.IsInfinity(EnergyWeight), "energyWeight", "must be non-negative and finite", EnergyWeight);
        Check(DeadlineSeconds > 0 && !double.IsInfinity(DeadlineSeconds), "deadlineSeconds", "must be positive and finite", DeadlineSeconds);
        Check(MinDataFraction > 0 && MinDataFraction <= 1, "minDataFraction", "must lie in (0, 1]", MinDataFraction);
    }

    private static void Check(bool ok, string field, string rule, double value)
    {
        if (!ok)
        {
            throw new ArgumentException($"{field}: {rule}, got {value}.");
        }
    }
}
