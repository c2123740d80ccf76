using System.Numerics;

namespace CoCoGen.Mechanism.Scenarios;

/// <summary>A full symmetric matrix of raw intensities, stored row-major.</summary>
public sealed class DenseCompetition : CompetitionStructure
{
    private readonly double[] raw;

    /// <summary>Wraps a validated row-major n×n matrix (symmetric, zero diagonal, entries in [0, 1]).</summary>
    public DenseCompetition(int count, double[] rowMajor)
        : base(count)
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        if (rowMajor.Length != count * count)
        {
            throw new ArgumentException($"Expected {count * count} entries, got {rowMajor.Length}.", nameof(rowMajor));
        }

        raw = rowMajor;
        double sum = 0;
        for (int i = 0; i < rowMajor.Length; i++)
        {
            sum += rowMajor[i];
        }

        MeanIntensity = sum / ((double)count * (count - 1));
    }

    /// <inheritdoc />
    public override double MeanIntensity { get; }

    /// <inheritdoc />
    public override double Raw(int i, int j) => raw[(i * Count) + j];

    /// <inheritdoc />
    public override void Multiply(ReadOnlySpan<double> values, Span<double> destination)
    {
        CheckLengths(values.Length, destination.Length, Count);
        for (int i = 0; i < Count; i++)
        {
            destination[i] = Dot(raw.AsSpan(i * Count, Count), values) * NormalisingFactor;
        }
    }

    /// <inheritdoc />
    public override void WeightedGapSums(ReadOnlySpan<double> weights, ReadOnlySpan<double> x, Span<double> destination)
    {
        CheckLengths(weights.Length, x.Length, destination.Length);
        for (int i = 0; i < Count; i++)
        {
            ReadOnlySpan<double> row = raw.AsSpan(i * Count, Count);
            double sum = 0;
            for (int j = 0; j < Count; j++)
            {
                sum += row[j] * weights[j] * (x[i] - x[j]);
            }

            destination[i] = sum * NormalisingFactor;
        }
    }

    /// <inheritdoc />
    public override void GapSums(ReadOnlySpan<double> x, Span<double> destination)
    {
        CheckLengths(x.Length, destination.Length, Count);
        for (int i = 0; i < Count; i++)
        {
            ReadOnlySpan<double> row = raw.AsSpan(i * Count, Count);
            double sum = 0;
            for (int j = 0; j < Count; j++)
            {
                sum += row[j] * (x[i] - x[j]);
            }

            destination[i] = sum * NormalisingFactor;
        }
    }

    /// <inheritdoc />
    public override CompetitionStructure Scaled(double factor)
    {
        var scaled = new double[raw.Length];
        for (int k = 0; k < raw.Length; k++)
        {
            scaled[k] = Math.Min(1.0, raw[k] * factor);
        }

        return new DenseCompetition(Count, scaled);
    }

    /// <inheritdoc />
    public override CompetitionStructure Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int m = indices.Count;
        var sub = new double[m * m];
        for (int a = 0; a < m; a++)
        {
            for (int b = 0; b < m; b++)
            {
                sub[(a * m) + b] = Raw(indices[a], indices[b]);
            }
        }

        return new DenseCompetition(m, sub);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                acc += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
