namespace CoCoGen.Federation.Calibration;

/// <summary>
/// The loss power law ℓ(n) = a·n^(−b) + c of model.md section 2, fitted by Levenberg–Marquardt with
/// a > 0, 0 &lt; b &lt; 1, c ≥ 0, from several starting points (the fit is not convex).
/// </summary>
/// <param name="A">Scale a.</param>
/// <param name="B">Exponent b.</param>
/// <param name="C">Floor c.</param>
/// <param name="RSquared">Coefficient of determination of the fit on its points.</param>
public sealed record PowerLawFit(double A, double B, double C, double RSquared)
{
    /// <summary>ℓ(n).</summary>
    public double Evaluate(double samples) => (A * Math.Pow(samples, -B)) + C;

    /// <summary>Fits the law to (<paramref name="samples"/>, <paramref name="losses"/>).</summary>
    public static PowerLawFit Fit(IReadOnlyList<double> samples, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(losses);
        if (samples.Count != losses.Count || samples.Count < 3)
        {
            throw new ArgumentException($"a power-law fit needs at least 3 (samples, loss) points of equal count; got {samples.Count} and {losses.Count}");
        }

        if (samples.Any(n => !(n > 0) || !double.IsFinite(n)) || losses.Any(l => !double.IsFinite(l)))
        {
            throw new ArgumentException("sample counts must be positive and losses finite");
        }

        var x = samples.ToArray();
        var y = losses.ToArray();
        var floor = Math.Max(0, y.Min() * 0.5);
        double[]? best = null;
        var bestCost = double.PositiveInfinity;
        foreach (var b0 in new[] { 0.1, 0.3, 0.6 })
        {
            foreach (var c0 in new[] { 0.0, floor })
            {
                var a0 = Math.Max(1e-6, (y.Max() - c0) * Math.Pow(x.Min(), b0));
                var (theta, cost) = LevenbergMarquardt.Fit(
                    static (n, t) => (t[0] * Math.Pow(n, -t[1])) + t[2], x, y, [a0, b0, c0], Project);
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = theta;
                }
            }
        }

        var mean = y.Average();
        var total = y.Sum(v => (v - mean) * (v - mean));
        var rSquared = total > 0 ? 1 - (bestCost / total) : 1;
        return new PowerLawFit(best![0], best[1], best[2], rSquared);
    }

    private static void Project(double[] theta)
    {
        theta[0] = Math.Max(theta[0], 1e-9);
        theta[1] = Math.Clamp(theta[1], 1e-4, 0.9999);
        theta[2] = Math.Max(theta[2], 0);
    }
}
