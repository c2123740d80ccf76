namespace CoCoGen.Learning.Data;

/// <summary>
/// An assignment of a dataset's samples to organizations: each sample belongs to exactly one organization.
/// </summary>
public sealed class DataPartition
{
    private readonly int[][] _indices;
    private readonly int[][] _histograms;

    /// <summary>Builds a partition from per-organization sample indices and the class labels.</summary>
    /// <param name="indices">Sample indices of each organization.</param>
    /// <param name="labels">The label of every sample of the partitioned dataset.</param>
    /// <param name="classCount">Number of classes.</param>
    public DataPartition(int[][] indices, IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(labels);
        _indices = indices;
        _histograms = new int[indices.Length][];
        for (int org = 0; org < indices.Length; org++)
        {
            _histograms[org] = new int[classCount];
            foreach (int sample in indices[org])
            {
                _histograms[org][labels[sample]]++;
            }
        }

        SampleCount = labels.Count;
        ClassCount = classCount;
    }

    /// <summary>Number of organizations.</summary>
    public int OrganizationCount => _indices.Length;

    /// <summary>Number of samples partitioned.</summary>
    public int SampleCount { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Sample indices of organization <paramref name="organization"/>, ascending.</summary>
    /// <param name="organization">Organization index.</param>
    public IReadOnlyList<int> Indices(int organization) => _indices[organization];

    /// <summary>Samples of each class held by organization <paramref name="organization"/>.</summary>
    /// <param name="organization">Organization index.</param>
    public IReadOnlyList<int> ClassHistogram(int organization) => _histograms[organization];

    /// <summary>Number of samples held by organization <paramref name="organization"/>.</summary>
    /// <param name="organization">Organization index.</param>
    public int Size(int organization) => _indices[organization].Length;

    /// <summary>The view of <paramref name="dataset"/> holding organization <paramref name="organization"/>'s samples.</summary>
    /// <param name="dataset">The dataset that was partitioned.</param>
    /// <param name="organization">Organization index.</param>
    public SubsetDataset Subset(ImageDataset dataset, int organization)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Count != SampleCount)
        {
            throw new ArgumentException($"The dataset holds {dataset.Count} samples; this partition covers {SampleCount}.", nameof(dataset));
        }

        return new SubsetDataset(dataset, _indices[organization]);
    }
}
