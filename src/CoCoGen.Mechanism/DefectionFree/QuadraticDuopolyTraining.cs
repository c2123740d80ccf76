namespace CoCoGen.Mechanism.DefectionFree;

/// <summary>
/// A synthetic duopoly that meets the paper's assumptions exactly: each firm's training loss is a convex quadratic
/// f(x; k) = (c/2)‖x − m_k‖² around its own optimum m_k (complementary data), the joint objective is their average
/// (L-smooth with L = c), and both firms run gradient descent on it with the step-size rules of the proofs of
/// Propositions 3 and 5: α_h = min((b̃ − 1)q_h/‖∇f‖², 1/L) and α_l = min((q̂ − q_l)/‖∇f‖², 1/L), which by convexity
/// keep q_h,t/q_h,t−1 ≤ b̃ and q_l,t ≤ q̂. It stands in for real training in tests and examples.
/// </summary>
public sealed class QuadraticDuopolyTraining : IDuopolyTraining
{
    private readonly double[] _optimumLow;
    private readonly double[] _optimumHigh;
    private readonly double _curvature;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly int _maxInnerSteps;

    /// <summary>Creates the process; starting qualities must lie in (0, 1] with the low firm below the high one.</summary>
    /// <param name="optimumLow">m_l, optimum of the low-quality firm's own data.</param>
    /// <param name="optimumHigh">m_h, optimum of the high-quality firm's own data.</param>
    /// <param name="curvature">c &gt; 0.</param>
    /// <param name="initialLow">x_l,0.</param>
    /// <param name="initialHigh">x_h,0.</param>
    /// <param name="maxInnerSteps">Cap on low-firm updates per round (the while loop of steps 9–11).</param>
    public QuadraticDuopolyTraining(
        IReadOnlyList<double> optimumLow,
        IReadOnlyList<double> optimumHigh,
        double curvature,
        IReadOnlyList<double> initialLow,
        IReadOnlyList<double> initialHigh,
        int maxInnerSteps = 200)
    {
        ArgumentNullException.ThrowIfNull(optimumLow);
        ArgumentNullException.ThrowIfNull(optimumHigh);
        ArgumentNullException.ThrowIfNull(initialLow);
        ArgumentNullException.ThrowIfNull(initialHigh);
        int d = optimumLow.Count;
        if (d == 0 || optimumHigh.Count != d || initialLow.Count != d || initialHigh.Count != d)
        {
            throw new ArgumentException("optimumLow, optimumHigh, initialLow, initialHigh: must be non-empty vectors of one length.");
        }

        if (!(curvature > 0) || double.IsInfinity(curvature))
        {
            throw new ArgumentException($"curvature: must be positive and finite, got {curvature}.");
        }

        _optimumLow = optimumLow.ToArray();
        _optimumHigh = optimumHigh.ToArray();
        _curvature = curvature;
        _low = initialLow.ToArray();
        _high = initialHigh.ToArray();
        _maxInnerSteps = maxInnerSteps;
        if (!(LowQuality > 0 && LowQuality < HighQuality && HighQuality <= 1))
        {
            throw new ArgumentException(
                $"initialLow, initialHigh: need 0 < q_l,0 ({LowQuality}) < q_h,0 ({HighQuality}) ≤ 1.");
        }
    }

    /// <inheritdoc />
    public double LowQuality => Quality(_low);

    /// <inheritdoc />
    public double HighQuality => Quality(_high);

    /// <inheritdoc />
    public double MaximalQuality
    {
        get
        {
            var middle = new double[_low.Length];
            for (int k = 0; k < middle.Length; k++)
            {
                middle[k] = 0.5 * (_optimumLow[k] + _optimumHigh[k]);
            }

            return Quality(middle);
        }
    }

    /// <inheritdoc />
    public double ImproveHigh(double maxGrowth)
    {
        double norm = GradientNormSquared(_high);
        if (norm > 0)
        {
            double step = Math.Min((maxGrowth - 1) * HighQuality / norm, 1 / _curvature);
            Step(_high, step);
        }

        return HighQuality;
    }

    /// <inheritdoc />
    public double ImproveLow(double cap)
    {
        for (int k = 0; k < _maxInnerSteps; k++)
        {
            double gap = cap - LowQuality;
            double norm = GradientNormSquared(_low);
            if (gap <= 1e-12 || norm <= 1e-300)
            {
                break;
            }

            Step(_low, Math.Min(gap / norm, 1 / _curvature));
        }

        return LowQuality;
    }

    private double Quality(double[] x)
    {
        double low = 0;
        double high = 0;
        for (int k = 0; k < x.Length; k++)
        {
            low += (x[k] - _optimumLow[k]) * (x[k] - _optimumLow[k]);
            high += (x[k] - _optimumHigh[k]) * (x[k] - _optimumHigh[k]);
        }

        return 1 - (0.25 * _curvature * (low + high));
    }

    // ∇f(x) = (c/2)[(x − m_l) + (x − m_h)].
    private double GradientNormSquared(double[] x)
    {
        double total = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double g = 0.5 * _curvature * ((x[k] - _optimumLow[k]) + (x[k] - _optimumHigh[k]));
            total += g * g;
        }

        return total;
    }

    private void Step(double[] x, double step)
    {
        for (int k = 0; k < x.Length; k++)
        {
            x[k] -= step * 0.5 * _curvature * ((x[k] - _optimumLow[k]) + (x[k] - _optimumHigh[k]));
        }
    }
}
