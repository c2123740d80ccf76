using MathNet.Numerics.Distributions;

namespace CoCoGen.Mechanism.Experiments;

/// <summary>
/// A sample mean with its two-sided 95 % confidence interval by Student's t (n − 1 degrees of freedom). With fewer
/// than two values the bounds are infinite: one replicate says nothing about the spread.
/// </summary>
/// <param name="Mean">Sample mean.</param>
/// <param name="Lower">Lower bound of the 95 % interval.</param>
/// <param name="Upper">Upper bound of the 95 % interval.</param>
/// <param name="Count">Number of values.</param>
public sealed record MeanInterval(double Mean, double Lower, double Upper, int Count)
{
    /// <summary>The mean and 95 % interval of <paramref name="values"/>.</summary>
    public static MeanInterval Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("an interval needs at least one value.", nameof(values));
        }

        double mean = values.Average();
        if (values.Count < 2)
        {
            return new MeanInterval(mean, double.NegativeInfinity, double.PositiveInfinity, values.Count);
        }

        double squares = values.Sum(v => (v - mean) * (v - mean));
        double error = Math.Sqrt(squares / (values.Count - 1) / values.Count);
        double half = StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * error;
        return new MeanInterval(mean, mean - half, mean + half, values.Count);
    }

    /// <summary>
    /// The verdict on the claim "the true mean is positive": it holds when the whole interval lies above zero, is
    /// contradicted when the whole interval lies at or below zero, and is inconclusive otherwise.
    /// </summary>
    public Verdict PositiveVerdict() => Lower > 0 ? Verdict.Holds : Upper <= 0 ? Verdict.Contradicted : Verdict.Inconclusive;
}
