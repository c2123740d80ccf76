namespace CoCoGen.Mechanism.Scenarios;

/// <summary>
/// Every pair competes with the same raw intensity ρ̄. Products cost O(n), which is what lets the
/// closed form run for n = 100,000 organizations.
/// </summary>
public sealed class UniformCompetition : CompetitionStructure
{
    /// <summary>Creates the structure; <paramref name="intensity"/> must lie in [0, 1].</summary>
    public UniformCompetition(int count, double intensity)
        : base(count)
    {
        if (!(intensity >= 0 && intensity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(intensity), intensity, "Intensity must lie in [0, 1].");
        }

        Intensity = intensity;
    }

    /// <summary>The common raw intensity ρ̄.</summary>
    public double Intensity { get; }

    /// <inheritdoc />
    public override double MeanIntensity => Intensity;

    /// <inheritdoc />
    public override double Raw(int i, int j) => i == j ? 0.0 : Intensity;

    /// <inheritdoc />
    public override void Multiply(ReadOnlySpan<double> values, Span<double> destination)
    {
        CheckLengths(values.Length, destination.Length, Count);
        double total = Sum(values);
        double scale = Intensity * NormalisingFactor;
        for (int i = 0; i < Count; i++)
        {
            destination[i] = scale * (total - values[i]);
        }
    }

    /// <inheritdoc />
    public override void WeightedGapSums(ReadOnlySpan<double> weights, ReadOnlySpan<double> x, Span<double> destination)
    {
        CheckLengths(weights.Length, x.Length, destination.Length);
        double weightTotal = 0;
        double weightedX = 0;
        for (int j = 0; j < Count; j++)
        {
            weightTotal += weights[j];
            weightedX += weights[j] * x[j];
        }

        double scale = Intensity * NormalisingFactor;
        for (int i = 0; i < Count; i++)
        {
            double others = weightTotal - weights[i];
            double othersX = weightedX - (weights[i] * x[i]);
            destination[i] = scale * ((x[i] * others) - othersX);
        }
    }

    /// <inheritdoc />
    public override void GapSums(ReadOnlySpan<double> x, Span<double> destination)
    {
        CheckLengths(x.Length, destination.Length, Count);
        double total = Sum(x);
        double scale = Intensity * NormalisingFactor;
        for (int i = 0; i < Count; i++)
        {
            destination[i] = scale * ((Count * x[i]) - total);
        }
    }

    /// <inheritdoc />
    public override CompetitionStructure Scaled(double factor) =>
        new UniformCompetition(Count, Math.Min(1.0, Intensity * factor));

    /// <inheritdoc />
    public override CompetitionStructure Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return new UniformCompetition(indices.Count, Intensity);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum;
    }
}
