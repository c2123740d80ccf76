namespace CoCoGen.Mechanism.TradeFl;

/// <summary>
/// Maximizes scale·P(Ω₀ + Σ_i w_i d_i) − Σ_i c_i d_i over boxes d_i ∈ [lo_i, hi_i] for a concave, non-decreasing P.
/// This is the shape of TradeFL's primal problem (19) with f fixed, of the inner minimum of every Benders cut, and
/// of one organization's best response (24) at a fixed frequency. The KKT conditions are solved exactly: at the
/// optimum Ω*, every i with c_i/w_i &lt; scale·P'(Ω*) sits at hi_i, every i above it at lo_i, and at most one i is
/// interior; filling organizations in increasing c_i/w_i finds Ω*. This replaces the interior-point method of the
/// paper (δ = 0 up to rounding).
/// </summary>
internal static class DataAllocationSolver
{
    /// <summary>Solves the problem; writes d into <paramref name="fractions"/> and returns Ω*.</summary>
    /// <param name="accuracy">P.</param>
    /// <param name="scale">Positive multiplier of P.</param>
    /// <param name="baseSamples">Ω₀, samples contributed by others (fixed).</param>
    /// <param name="weights">w_i &gt; 0, samples per unit of d_i.</param>
    /// <param name="costs">c_i, linear cost per unit of d_i (may be negative).</param>
    /// <param name="lower">lo_i.</param>
    /// <param name="upper">hi_i ≥ lo_i.</param>
    /// <param name="fractions">Destination for d.</param>
    /// <param name="order">Scratch of the same length.</param>
    public static double Solve(
        IDataAccuracyFunction accuracy,
        double scale,
        double baseSamples,
        ReadOnlySpan<double> weights,
        ReadOnlySpan<double> costs,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        Span<double> fractions,
        Span<int> order)
    {
        int n = weights.Length;
        if (costs.Length != n || lower.Length != n || upper.Length != n || fractions.Length != n || order.Length != n)
        {
            throw new ArgumentException("All spans must have the same length.");
        }

        double omega = baseSamples;
        for (int i = 0; i < n; i++)
        {
            fractions[i] = lower[i];
            omega += weights[i] * lower[i];
            order[i] = i;
        }

        // Insertion sort by c_i / w_i: n is small (organizations), and this allocates nothing.
        for (int a = 1; a < n; a++)
        {
            int key = order[a];
            double ratio = costs[key] / weights[key];
            int b = a - 1;
            while (b >= 0 && costs[order[b]] / weights[order[b]] > ratio)
            {
                order[b + 1] = order[b];
                b--;
            }

            order[b + 1] = key;
        }

        for (int a = 0; a < n; a++)
        {
            int k = order[a];
            double threshold = costs[k] / (weights[k] * scale);
            if (accuracy.Derivative(omega) <= threshold)
            {
                break;
            }

            double span = weights[k] * (upper[k] - lower[k]);
            if (span <= 0)
            {
                continue;
            }

            if (accuracy.Derivative(omega + span) >= threshold)
            {
                fractions[k] = upper[k];
                omega += span;
                continue;
            }

            double target = Math.Clamp(accuracy.InverseDerivative(threshold), omega, omega + span);
            fractions[k] = Math.Clamp(lower[k] + ((target - omega) / weights[k]), lower[k], upper[k]);
            omega = target;
            break;
        }

        return omega;
    }
}
