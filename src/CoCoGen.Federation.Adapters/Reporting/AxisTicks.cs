namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>"Nice" axis ranges and tick positions (steps of 1, 2 or 5 times a power of ten).</summary>
public static class AxisTicks
{
    private static readonly double[] Multipliers = [1.0, 2.0, 5.0, 10.0];

    /// <summary>Ticks covering [min, max] with about <paramref name="target"/> intervals; the first and
    /// last tick bound the axis.</summary>
    public static IReadOnlyList<double> For(double min, double max, int target = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            return [0, 1];
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            double pad = Math.Abs(max) > 0 ? Math.Abs(max) * 0.05 : 1;
            min -= pad;
            max += pad;
        }

        double raw = (max - min) / Math.Max(1, target);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = Multipliers.Select(m => m * magnitude).First(s => s >= raw);
        double start = Math.Floor(min / step) * step;
        double end = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (double t = start; t <= end + (step * 1e-9); t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return ticks;
    }

    /// <summary>
    /// Whole-number ticks covering [min, max] (a round or count axis): every integer when there are at most
    /// <paramref name="target"/> + 1 of them, else a step of 1, 2 or 5 times a power of ten; never a fraction.
    /// </summary>
    public static IReadOnlyList<double> ForIntegers(double min, double max, int target = 12)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            return [0, 1];
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        double low = Math.Floor(min);
        double high = Math.Ceiling(max);
        if (high == low)
        {
            low -= 1;
            high += 1;
        }

        double raw = (high - low) / Math.Max(1, target);
        double step = raw <= 1 ? 1 : Multipliers.Select(m => m * Math.Pow(10, Math.Floor(Math.Log10(raw)))).First(s => s >= raw);
        double start = step == 1 ? low : Math.Floor(low / step) * step;
        double end = step == 1 ? high : Math.Ceiling(high / step) * step;
        var ticks = new List<double>();
        for (double t = start; t <= end; t += step)
        {
            ticks.Add(t);
        }

        return ticks;
    }
}
