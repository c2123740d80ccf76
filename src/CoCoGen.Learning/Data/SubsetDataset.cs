namespace CoCoGen.Learning.Data;

/// <summary>A view of selected samples of another dataset, such as one organization's partition.</summary>
public sealed class SubsetDataset : ImageDataset
{
    private readonly int[] _indices;

    /// <summary>Selects <paramref name="indices"/> of <paramref name="source"/>; the indices are copied.</summary>
    /// <param name="source">The full dataset.</param>
    /// <param name="indices">Sample indices into <paramref name="source"/>.</param>
    public SubsetDataset(ImageDataset source, IReadOnlyList<int> indices)
        : base(indices?.Count ?? 0, source?.Channels ?? 1, source?.Height ?? 1, source?.Width ?? 1, source?.ClassCount ?? 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indices);
        _indices = new int[indices.Count];
        for (int i = 0; i < _indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)source.Count)
            {
                throw new ArgumentException($"Index {i} is {indices[i]}; the source holds {source.Count} samples.", nameof(indices));
            }

            _indices[i] = indices[i];
        }

        Source = source;
    }

    /// <summary>The dataset the view selects from.</summary>
    public ImageDataset Source { get; }

    /// <inheritdoc />
    public override int Label(int index) => Source.Label(_indices[index]);

    /// <inheritdoc />
    public override void CopyImage(int index, Span<float> destination)
    {
        CheckAccess(index, destination.Length);
        Source.CopyImage(_indices[index], destination);
    }
}
