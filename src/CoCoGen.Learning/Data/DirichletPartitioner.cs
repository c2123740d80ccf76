using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Data;

/// <summary>
/// Splits a labelled dataset over organizations non-IID: for each class, proportions p ~ Dirichlet(α, …, α)
/// over the organizations are drawn and the class's samples (shuffled) are cut by the cumulative proportions.
/// Small α gives each organization few classes; large α gives near-uniform class mixes. Deterministic for a seed.
/// </summary>
public static class DirichletPartitioner
{
    /// <summary>How many times the draw is repeated to give every organization its minimum before giving up.</summary>
    public const int MaxAttempts = 1000;

    /// <summary>Partitions the samples of <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="organizations">Number of organizations, at least one.</param>
    /// <param name="alpha">Dirichlet concentration, positive.</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="minimumPerOrganization">Samples every organization must receive; draws are repeated until it holds.</param>
    public static DataPartition Partition(ImageDataset dataset, int organizations, double alpha, ulong seed, int minimumPerOrganization = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var labels = new int[dataset.Count];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = dataset.Label(i);
        }

        return Partition(labels, dataset.ClassCount, organizations, alpha, seed, minimumPerOrganization);
    }

    /// <summary>Partitions samples given by their labels.</summary>
    /// <param name="labels">Label of every sample, in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="organizations">Number of organizations, at least one.</param>
    /// <param name="alpha">Dirichlet concentration, positive.</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="minimumPerOrganization">Samples every organization must receive; draws are repeated until it holds.</param>
    public static DataPartition Partition(IReadOnlyList<int> labels, int classCount, int organizations, double alpha, ulong seed, int minimumPerOrganization = 0)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(organizations);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumPerOrganization);
        if (!(alpha > 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Dirichlet α must be positive and finite.");
        }

        if ((long)minimumPerOrganization * organizations > labels.Count)
        {
            throw new ArgumentException(
                $"{organizations} organizations with at least {minimumPerOrganization} samples each need {(long)minimumPerOrganization * organizations}; the dataset holds {labels.Count}.",
                nameof(minimumPerOrganization));
        }

        var byClass = new List<int>[classCount];
        for (int c = 0; c < classCount; c++)
        {
            byClass[c] = [];
        }

        for (int i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"Label of sample {i} is {labels[i]}; labels must lie in [0, {classCount}).", nameof(labels));
            }

            byClass[labels[i]].Add(i);
        }

        var random = new RandomSource(seed);
        var gamma = new GammaSampler(random);
        var proportions = new double[organizations];
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var assigned = new List<int>[organizations];
            for (int org = 0; org < organizations; org++)
            {
                assigned[org] = [];
            }

            foreach (var members in byClass)
            {
                var shuffled = members.ToArray();
                random.Shuffle(shuffled.AsSpan());
                gamma.NextDirichlet(alpha, proportions);
                double cumulative = 0;
                int start = 0;
                for (int org = 0; org < organizations; org++)
                {
                    cumulative += proportions[org];
                    // The last organization takes the remainder so rounding never drops or repeats a sample.
                    int end = org == organizations - 1 ? shuffled.Length : Math.Min(shuffled.Length, (int)Math.Round(cumulative * shuffled.Length));
                    end = Math.Max(end, start);
                    assigned[org].AddRange(shuffled.AsSpan(start, end - start));
                    start = end;
                }
            }

            if (assigned.All(a => a.Count >= minimumPerOrganization))
            {
                var indices = assigned.Select(a => { var array = a.ToArray(); Array.Sort(array); return array; }).ToArray();
                return new DataPartition(indices, labels, classCount);
            }
        }

        throw new InvalidOperationException(
            $"No Dirichlet(α={alpha}) draw in {MaxAttempts} attempts gave all {organizations} organizations at least {minimumPerOrganization} samples; raise α or lower the minimum.");
    }
}
