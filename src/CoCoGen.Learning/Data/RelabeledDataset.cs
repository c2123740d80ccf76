namespace CoCoGen.Learning.Data;

/// <summary>
/// A view of a dataset whose labels go through a fixed map (images unchanged): a label-flipping organization in a
/// robustness experiment trains on it.
/// </summary>
public sealed class RelabeledDataset : ImageDataset
{
    private readonly ImageDataset _source;
    private readonly int[] _map;

    /// <summary>Wraps <paramref name="source"/>; label y reads as <paramref name="map"/>[y].</summary>
    /// <param name="source">The dataset.</param>
    /// <param name="map">One target label per class, each below the class count.</param>
    public RelabeledDataset(ImageDataset source, IReadOnlyList<int> map)
        : base(source?.Count ?? 0, source?.Channels ?? 1, source?.Height ?? 1, source?.Width ?? 1, source?.ClassCount ?? 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        if (map.Count != source.ClassCount || map.Any(y => (uint)y >= (uint)source.ClassCount))
        {
            throw new ArgumentException($"A label map needs one label in [0, {source.ClassCount}) per class.", nameof(map));
        }

        _source = source;
        _map = [.. map];
    }

    /// <inheritdoc />
    public override int Label(int index) => _map[_source.Label(index)];

    /// <inheritdoc />
    public override void CopyImage(int index, Span<float> destination)
    {
        CheckAccess(index, destination.Length);
        _source.CopyImage(index, destination);
    }
}
