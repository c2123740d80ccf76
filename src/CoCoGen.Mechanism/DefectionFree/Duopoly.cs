namespace CoCoGen.Mechanism.DefectionFree;

/// <summary>
/// The vertically differentiated duopoly of "Defection-Free Collaboration" (Section 2.1): consumers of type
/// θ ~ U[0, 1] buy the high-quality model (q_h, p_h), the low-quality one (q_l, p_l) or nothing. Qualities lie in
/// (0, 1] with q_l ≤ q_h; equal qualities leave both firms with zero revenue (Lemma 3).
/// </summary>
public static class Duopoly
{
    /// <summary>Lemma 1: D_l = (p_h − p_l)/(q_h − q_l) − p_l/q_l and D_h = 1 − (p_h − p_l)/(q_h − q_l).</summary>
    public static (double Low, double High) Demands(double qualityLow, double qualityHigh, double priceLow, double priceHigh)
    {
        Check(qualityLow, qualityHigh);
        if (qualityHigh == qualityLow)
        {
            throw new ArgumentException("qualities: demands are undefined for equal qualities (consumers are indifferent).");
        }

        double indifferentHigh = (priceHigh - priceLow) / (qualityHigh - qualityLow);
        return (indifferentHigh - (priceLow / qualityLow), 1.0 - indifferentHigh);
    }

    /// <summary>Lemma 2: p_l* = q_l(q_h − q_l)/(4q_h − q_l), p_h* = 2q_h(q_h − q_l)/(4q_h − q_l).</summary>
    public static (double Low, double High) EquilibriumPrices(double qualityLow, double qualityHigh)
    {
        Check(qualityLow, qualityHigh);
        double gap = qualityHigh - qualityLow;
        double denominator = (4 * qualityHigh) - qualityLow;
        return (qualityLow * gap / denominator, 2 * qualityHigh * gap / denominator);
    }

    /// <summary>Lemma 2: U_l = q_l q_h (q_h − q_l)/(4q_h − q_l)².</summary>
    public static double LowRevenue(double qualityLow, double qualityHigh)
    {
        Check(qualityLow, qualityHigh);
        double denominator = (4 * qualityHigh) - qualityLow;
        return qualityLow * qualityHigh * (qualityHigh - qualityLow) / (denominator * denominator);
    }

    /// <summary>Lemma 2: U_h = 4q_h²(q_h − q_l)/(4q_h − q_l)².</summary>
    public static double HighRevenue(double qualityLow, double qualityHigh)
    {
        Check(qualityLow, qualityHigh);
        double denominator = (4 * qualityHigh) - qualityLow;
        return 4 * qualityHigh * qualityHigh * (qualityHigh - qualityLow) / (denominator * denominator);
    }

    private static void Check(double qualityLow, double qualityHigh)
    {
        if (!(qualityLow > 0 && qualityLow <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(qualityLow), qualityLow, "qualityLow must lie in (0, 1].");
        }

        if (!(qualityHigh >= qualityLow && qualityHigh <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(qualityHigh), qualityHigh, "qualityHigh must lie in [qualityLow, 1].");
        }
    }
}
