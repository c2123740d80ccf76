namespace CoCoGen.Mechanism.DefectionFree;

/// <summary>
/// The Nash bargaining solution of Section 4.1: (q_l*, q_h*) maximizes N = (U_l − U_l,0)(U_h − U_h,0) subject to
/// both revenues not falling below the disagreement point (q_l,0, q_h,0). By Proposition 2, q_h* is the best
/// reachable quality, so only q_l* is searched, over the feasible interval, by a fine scan refined with
/// golden-section search (N is smooth and unimodal there).
/// </summary>
public static class NashBargaining
{
    /// <summary>N(q_l, q_h; q_l,0, q_h,0).</summary>
    public static double Objective(double qualityLow, double qualityHigh, double initialLow, double initialHigh) =>
        (Duopoly.LowRevenue(qualityLow, qualityHigh) - Duopoly.LowRevenue(initialLow, initialHigh))
        * (Duopoly.HighRevenue(qualityLow, qualityHigh) - Duopoly.HighRevenue(initialLow, initialHigh));

    /// <summary>q_l* for q_h* = <paramref name="maximalQuality"/> and the disagreement point.</summary>
    public static double SolveLowQuality(double maximalQuality, double initialLow, double initialHigh)
    {
        if (!(initialLow > 0 && initialLow <= initialHigh && initialHigh <= maximalQuality && maximalQuality <= 1))
        {
            throw new ArgumentException(
                $"qualities: need 0 < initialLow ({initialLow}) ≤ initialHigh ({initialHigh}) ≤ maximalQuality ({maximalQuality}) ≤ 1.");
        }

        double lowFloor = Duopoly.LowRevenue(initialLow, initialHigh);
        double highFloor = Duopoly.HighRevenue(initialLow, initialHigh);
        double Score(double q)
        {
            double gainLow = Duopoly.LowRevenue(q, maximalQuality) - lowFloor;
            double gainHigh = Duopoly.HighRevenue(q, maximalQuality) - highFloor;
            return gainLow < 0 || gainHigh < 0 ? double.NegativeInfinity : gainLow * gainHigh;
        }

        const int grid = 20_000;
        double step = maximalQuality / grid;
        int bestIndex = 1;
        double best = double.NegativeInfinity;
        for (int k = 1; k <= grid; k++)
        {
            // k·step can round above q_h* (0.65 / 20000 · 20000 = 0.6500000000000001), outside the duopoly's domain.
            double value = Score(Math.Min(k * step, maximalQuality));
            if (value > best)
            {
                best = value;
                bestIndex = k;
            }
        }

        double lo = Math.Max(step, (bestIndex - 1) * step);
        double hi = Math.Min(maximalQuality, (bestIndex + 1) * step);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        for (int k = 0; k < 100 && hi - lo > 1e-15; k++)
        {
            double a = hi - (ratio * (hi - lo));
            double b = lo + (ratio * (hi - lo));
            if (Score(a) >= Score(b))
            {
                hi = b;
            }
            else
            {
                lo = a;
            }
        }

        return 0.5 * (lo + hi);
    }
}
