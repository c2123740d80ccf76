using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CoCoGen.Mechanism.Calibration;

/// <summary>
/// The loss power law ℓ(n) = a·n^(−b) + c of model.md section 2 (paper Eq. 2), fitted by MathNet's
/// Levenberg–Marquardt within a &gt; 0, 0 &lt; b &lt; 1, c ≥ 0, from several starting points because the
/// least-squares surface is not convex in b. Intervals are the usual asymptotic ones:
/// Cov = s²·(JᵀJ)⁻¹ with s² = RSS/(N − 3), and estimate ± t(0.975, N − 3)·SE. When the data do not fall
/// with n, a sits on its lower bound, the curve is flat and b is not identified (∂ℓ/∂b = −a·n^(−b)·ln n
/// vanishes): <see cref="Identified"/> is false, b's interval is its whole admissible range (0, 1), a's is
/// [0, a] and c's is that of a constant (the mean's, N − 1 degrees of freedom).
/// </summary>
/// <param name="A">Scale a.</param>
/// <param name="B">Exponent b.</param>
/// <param name="C">Floor c.</param>
/// <param name="RSquared">Coefficient of determination on the fitted points.</param>
/// <param name="ResidualSumOfSquares">Σ (y − ℓ(x))² at the estimate.</param>
/// <param name="Points">Number of points fitted.</param>
/// <param name="AInterval">95 % interval of a.</param>
/// <param name="BInterval">95 % interval of b.</param>
/// <param name="CInterval">95 % interval of c.</param>
/// <param name="Identified">False when a sits on its lower bound, so b is not identified.</param>
public sealed record PowerLawFit(
    double A, double B, double C, double RSquared, double ResidualSumOfSquares, int Points,
    ParameterInterval AInterval, ParameterInterval BInterval, ParameterInterval CInterval, bool Identified)
{
    private const double MinimumExponent = 1e-4;
    private const double MaximumExponent = 0.9999;
    private const double MinimumScale = 1e-12;

    // a' below this (in the scaled coordinates, where a' is of the order of the loss spread) is the bound, not an estimate.
    private const double FlatScale = 1e-9;

    /// <summary>ℓ(n).</summary>
    public double Evaluate(double samples) => (A * Math.Pow(samples, -B)) + C;

    /// <summary>R² of this curve on other points (for example the seed means of the fitted points).</summary>
    public double RSquaredOn(IReadOnlyList<double> samples, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(losses);
        var mean = losses.Average();
        double residual = 0, total = 0;
        for (var k = 0; k < samples.Count; k++)
        {
            var e = losses[k] - Evaluate(samples[k]);
            residual += e * e;
            total += (losses[k] - mean) * (losses[k] - mean);
        }

        return total > 0 ? 1 - (residual / total) : 1;
    }

    /// <summary>Fits the law to (<paramref name="samples"/>, <paramref name="losses"/>).</summary>
    public static PowerLawFit Fit(IReadOnlyList<double> samples, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(losses);
        if (samples.Count != losses.Count || samples.Count < 4)
        {
            throw new ArgumentException($"a power-law fit with intervals needs at least 4 (samples, loss) points of equal count; got {samples.Count} and {losses.Count}");
        }

        if (samples.Any(n => !(n > 0) || !double.IsFinite(n)) || losses.Any(l => !double.IsFinite(l)))
        {
            throw new ArgumentException("sample counts must be positive and losses finite");
        }

        // Work in n / n_min so a stays of order one whatever the sample counts; a = a'·n_min^b afterwards.
        var scale = samples.Min();
        var x = Vector<double>.Build.DenseOfEnumerable(samples.Select(n => n / scale));
        var y = Vector<double>.Build.DenseOfEnumerable(losses);
        var objective = ObjectiveFunction.NonlinearModel(Model, Jacobian, x, y);
        var lower = Vector<double>.Build.DenseOfArray([MinimumScale, MinimumExponent, 0]);
        var upper = Vector<double>.Build.DenseOfArray([1e6, MaximumExponent, 1e6]);
        var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: 2000);
        Vector<double>? best = null;
        var bestCost = double.PositiveInfinity;
        var spread = Math.Max(1e-6, y.Maximum() - y.Minimum());
        foreach (var b0 in new[] { 0.1, 0.3, 0.6, 0.9 })
        {
            foreach (var c0 in new[] { 0.0, 0.5 * y.Minimum(), 0.95 * y.Minimum() })
            {
                var start = Vector<double>.Build.DenseOfArray([spread + 1e-3, b0, Math.Max(0, c0)]);
                NonlinearMinimizationResult result;
                try
                {
                    result = minimizer.FindMinimum(objective, start, lower, upper);
                }
                catch (MaximumIterationsException)
                {
                    continue;
                }

                var theta = result.MinimizingPoint;
                var cost = ResidualSum(theta, x, y);
                if (double.IsFinite(cost) && cost < bestCost)
                {
                    bestCost = cost;
                    best = theta.Clone();
                }
            }
        }

        if (best is null)
        {
            throw new InvalidOperationException("Levenberg–Marquardt did not converge from any starting point");
        }

        var mean = y.Average();
        var total = y.Sum(v => (v - mean) * (v - mean));
        var rSquared = total > 0 ? 1 - (bestCost / total) : 1;
        var identified = best[0] > FlatScale;
        var (aInterval, bInterval, cInterval) = identified ? Intervals(best, x, bestCost, scale) : FlatIntervals(best, x, bestCost, scale);
        return new PowerLawFit(
            best[0] * Math.Pow(scale, best[1]), best[1], best[2], rSquared, bestCost, samples.Count, aInterval, bInterval, cInterval, identified);
    }

    private static Vector<double> Model(Vector<double> theta, Vector<double> x) =>
        x.Map(n => (theta[0] * Math.Pow(n, -theta[1])) + theta[2]);

    private static Matrix<double> Jacobian(Vector<double> theta, Vector<double> x)
    {
        var jacobian = Matrix<double>.Build.Dense(x.Count, 3);
        for (var k = 0; k < x.Count; k++)
        {
            var power = Math.Pow(x[k], -theta[1]);
            jacobian[k, 0] = power;
            jacobian[k, 1] = -theta[0] * power * Math.Log(x[k]);
            jacobian[k, 2] = 1;
        }

        return jacobian;
    }

    private static double ResidualSum(Vector<double> theta, Vector<double> x, Vector<double> y)
    {
        var residual = y - Model(theta, x);
        return residual.DotProduct(residual);
    }

    // Intervals in the scaled coordinates, then a = a'·s^b mapped by the delta method:
    // ∂a/∂a' = s^b, ∂a/∂b = a'·s^b·ln s.
    private static (ParameterInterval A, ParameterInterval B, ParameterInterval C) Intervals(Vector<double> theta, Vector<double> x, double residualSum, double scale)
    {
        var freedom = x.Count - 3;
        var jacobian = Jacobian(theta, x);
        var information = jacobian.TransposeThisAndMultiply(jacobian);
        var covariance = information.PseudoInverse() * (residualSum / freedom);
        var factor = Math.Pow(scale, theta[1]);
        var gradient = Vector<double>.Build.DenseOfArray([factor, theta[0] * factor * Math.Log(scale), 0]);
        var aVariance = gradient * covariance * gradient;
        var t = StudentT.InvCDF(0, 1, freedom, 0.975);
        return (
            Interval(theta[0] * factor, aVariance, t),
            Interval(theta[1], covariance[1, 1], t),
            Interval(theta[2], covariance[2, 2], t));
    }

    // a on its bound: the fitted curve is the constant c, whose interval is the mean's (N − 1 degrees of freedom);
    // a and b get the degenerate interval their bounds allow.
    private static (ParameterInterval A, ParameterInterval B, ParameterInterval C) FlatIntervals(Vector<double> theta, Vector<double> x, double residualSum, double scale)
    {
        var freedom = x.Count - 1;
        var t = StudentT.InvCDF(0, 1, freedom, 0.975);
        var a = theta[0] * Math.Pow(scale, theta[1]);
        return (
            new ParameterInterval(a, 0, 0, a),
            new ParameterInterval(theta[1], 0, MinimumExponent, MaximumExponent),
            Interval(theta[2], residualSum / freedom / x.Count, t));
    }

    private static ParameterInterval Interval(double estimate, double variance, double t)
    {
        var error = Math.Sqrt(Math.Max(0, variance));
        return new ParameterInterval(estimate, error, estimate - (t * error), estimate + (t * error));
    }
}
