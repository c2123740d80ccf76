namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>
/// A derivative-free 1-D maximiser over a closed interval: an evenly spaced grid (which keeps it
/// global on multimodal utilities) followed by golden-section refinement around the best grid point.
/// Endpoints are always evaluated exactly, so corner solutions come back exactly.
/// </summary>
public static class IntervalMaximizer
{
    private static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>Maximises <paramref name="objective"/> on [lower, upper]; returns the argmax and the maximum.</summary>
    /// <param name="objective">The function to maximise.</param>
    /// <param name="lower">Lower end of the interval.</param>
    /// <param name="upper">Upper end of the interval (≥ lower).</param>
    /// <param name="gridIntervals">Number of grid cells (at least 2).</param>
    /// <param name="relativeTolerance">Golden-section stops when the bracket is this fraction of the interval.</param>
    public static (double Argument, double Value) Maximize(
        Func<double, double> objective, double lower, double upper, int gridIntervals = 32, double relativeTolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentOutOfRangeException.ThrowIfLessThan(gridIntervals, 2);
        if (!(upper >= lower))
        {
            throw new ArgumentException($"Interval [{lower}, {upper}] is empty.", nameof(upper));
        }

        if (upper == lower)
        {
            return (lower, objective(lower));
        }

        double width = upper - lower;
        double bestX = lower;
        double bestValue = objective(lower);
        int bestIndex = 0;
        for (int k = 1; k <= gridIntervals; k++)
        {
            double x = k == gridIntervals ? upper : lower + (width * k / gridIntervals);
            double value = objective(x);
            if (value > bestValue)
            {
                bestValue = value;
                bestX = x;
                bestIndex = k;
            }
        }

        double a = lower + (width * Math.Max(0, bestIndex - 1) / gridIntervals);
        double b = bestIndex + 1 >= gridIntervals ? upper : lower + (width * (bestIndex + 1) / gridIntervals);
        double c = b - (InverseGolden * (b - a));
        double d = a + (InverseGolden * (b - a));
        double fc = objective(c);
        double fd = objective(d);
        double stop = relativeTolerance * width;
        while (b - a > stop)
        {
            if (fc >= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (InverseGolden * (b - a));
                fc = objective(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (InverseGolden * (b - a));
                fd = objective(d);
            }

            if (fc > bestValue)
            {
                bestValue = fc;
                bestX = c;
            }

            if (fd > bestValue)
            {
                bestValue = fd;
                bestX = d;
            }
        }

        return (bestX, bestValue);
    }
}
