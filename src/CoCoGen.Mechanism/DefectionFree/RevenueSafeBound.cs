namespace CoCoGen.Mechanism.DefectionFree;

/// <summary>
/// The rule B(a, b) of Algorithm 1 (step 8): after the high-quality firm moves q_h,t−1 → q_h,t = b·q_h,t−1, the
/// low-quality firm may rise to q̂_l,t = B(ρ_t−1, b)·q_h,t, the largest quality at which the high-quality firm's
/// revenue does not fall (the right root of inequality (14) in the proof of Proposition 3).
/// </summary>
public static class RevenueSafeBound
{
    /// <summary>B(a, b) = 4 − (4 − a)²/(2(1 − a))·(b − √(b² − 12(1 − a)b/(4 − a)²)), for a ∈ [0, 1), b ≥ 1.</summary>
    public static double B(double ratio, double growth)
    {
        if (!(ratio >= 0 && ratio < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "the quality ratio a must lie in [0, 1).");
        }

        if (!(growth >= 1) || double.IsInfinity(growth))
        {
            throw new ArgumentOutOfRangeException(nameof(growth), growth, "the growth b = q_h,t/q_h,t−1 must be at least 1.");
        }

        double spread = (4 - ratio) * (4 - ratio);
        double root = Math.Sqrt((growth * growth) - (12 * (1 - ratio) * growth / spread));
        return 4 - (spread / (2 * (1 - ratio)) * (growth - root));
    }

    /// <summary>q̂_l,t = B(q_l,t−1/q_h,t−1, q_h,t/q_h,t−1)·q_h,t.</summary>
    public static double LowQualityCap(double previousLow, double previousHigh, double currentHigh) =>
        B(previousLow / previousHigh, currentHigh / previousHigh) * currentHigh;
}
