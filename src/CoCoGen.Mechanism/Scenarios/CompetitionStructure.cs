namespace CoCoGen.Mechanism.Scenarios;

/// <summary>
/// The symmetric competitive intensities ρ_ij (zero diagonal) and the products the model needs with
/// the normalised matrix ρ̂ = ρ / (n − 1). Every operation takes spans and a caller-supplied destination
/// so the equilibrium kernels allocate nothing; dense and uniform layouts share the interface so large
/// consortia (n = 100,000) need not store n² intensities.
/// </summary>
public abstract class CompetitionStructure
{
    /// <summary>Creates a structure over <paramref name="count"/> organizations.</summary>
    protected CompetitionStructure(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        Count = count;
        NormalisingFactor = 1.0 / (count - 1);
    }

    /// <summary>Number of organizations n.</summary>
    public int Count { get; }

    /// <summary>1 / (n − 1), the factor turning raw ρ into ρ̂.</summary>
    public double NormalisingFactor { get; }

    /// <summary>Mean raw intensity over the off-diagonal pairs, ρ̄.</summary>
    public abstract double MeanIntensity { get; }

    /// <summary>Raw ρ_ij.</summary>
    public abstract double Raw(int i, int j);

    /// <summary>Normalised ρ̂_ij = ρ_ij / (n − 1).</summary>
    public double Normalised(int i, int j) => Raw(i, j) * NormalisingFactor;

    /// <summary>destination_i = Σ_j ρ̂_ij · values_j.</summary>
    public abstract void Multiply(ReadOnlySpan<double> values, Span<double> destination);

    /// <summary>destination_i = Σ_j ρ̂_ij · weights_j · (x_i − x_j), computed pair by pair so that
    /// Σ_i destination_i cancels to rounding when weights are constant.</summary>
    public abstract void WeightedGapSums(ReadOnlySpan<double> weights, ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>destination_i = Σ_j ρ̂_ij · (x_i − x_j).</summary>
    public abstract void GapSums(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>The same structure with every intensity multiplied by <paramref name="factor"/> and clipped to [0, 1].</summary>
    public abstract CompetitionStructure Scaled(double factor);

    /// <summary>The structure restricted to the organizations at <paramref name="indices"/> (raw ρ kept).</summary>
    public abstract CompetitionStructure Subset(IReadOnlyList<int> indices);

    /// <summary>The same structure rescaled so its mean raw intensity is <paramref name="mean"/> (clipped to [0, 1]).</summary>
    public CompetitionStructure WithMeanIntensity(double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        if (MeanIntensity <= 0)
        {
            return new UniformCompetition(Count, Math.Min(1.0, mean));
        }

        return Scaled(mean / MeanIntensity);
    }

    /// <summary>Checks that span lengths match <see cref="Count"/>.</summary>
    protected void CheckLengths(int a, int b, int c)
    {
        if (a != Count || b != Count || c != Count)
        {
            throw new ArgumentException($"Span lengths must all equal the organization count {Count}.");
        }
    }
}
