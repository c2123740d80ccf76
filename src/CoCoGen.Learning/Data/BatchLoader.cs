namespace CoCoGen.Learning.Data;

/// <summary>
/// Cuts a dataset into float32 NCHW mini-batches, normalised per channel, in an order shuffled afresh for
/// every epoch from (seed, epoch), so a run repeats exactly for a seed.
/// </summary>
public sealed class BatchLoader
{
    private readonly ImageDataset _dataset;
    private readonly ChannelNormalization _normalization;
    private readonly int _seed;
    private readonly ImageBatch _batch;
    private readonly int[] _order;

    /// <summary>Creates a loader.</summary>
    /// <param name="dataset">The samples.</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="normalization">Per-channel standardisation; its channel count must match the dataset.</param>
    /// <param name="shuffle">Whether each epoch visits samples in a seeded random order (else in index order).</param>
    /// <param name="seed">Seed of the shuffling.</param>
    /// <param name="dropLast">Whether a final batch smaller than <paramref name="batchSize"/> is skipped.</param>
    public BatchLoader(ImageDataset dataset, int batchSize, ChannelNormalization normalization, bool shuffle, int seed, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (normalization.Channels != dataset.Channels)
        {
            throw new ArgumentException($"Normalisation has {normalization.Channels} channels; the dataset has {dataset.Channels}.", nameof(normalization));
        }

        _dataset = dataset;
        _normalization = normalization;
        _seed = seed;
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        _batch = new ImageBatch(batchSize, dataset.Channels, dataset.Height, dataset.Width);
        _order = new int[dataset.Count];
    }

    /// <summary>Images per full batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether epochs are shuffled.</summary>
    public bool Shuffle { get; }

    /// <summary>Whether a short final batch is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => DropLast ? _dataset.Count / BatchSize : (_dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>The sample order of epoch <paramref name="epoch"/>.</summary>
    /// <param name="epoch">Epoch number, from 0.</param>
    public IReadOnlyList<int> Order(int epoch)
    {
        var order = new int[_dataset.Count];
        FillOrder(epoch, order);
        return order;
    }

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/>. The same <see cref="ImageBatch"/> instance is refilled
    /// for each batch.
    /// </summary>
    /// <param name="epoch">Epoch number, from 0; selects the shuffle.</param>
    public IEnumerable<ImageBatch> Epoch(int epoch)
    {
        FillOrder(epoch, _order);
        int imageSize = _dataset.ImageSize;
        int plane = _dataset.Height * _dataset.Width;
        for (int start = 0; start < _order.Length; start += BatchSize)
        {
            int count = Math.Min(BatchSize, _order.Length - start);
            if (count < BatchSize && DropLast)
            {
                yield break;
            }

            for (int i = 0; i < count; i++)
            {
                int sample = _order[start + i];
                var image = _batch.Images.AsSpan(i * imageSize, imageSize);
                _dataset.CopyImage(sample, image);
                _normalization.ApplyInPlace(image, plane);
                _batch.Labels[i] = _dataset.Label(sample);
            }

            _batch.Count = count;
            yield return _batch;
        }
    }

    private void FillOrder(int epoch, int[] order)
    {
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (Shuffle)
        {
            // One generator per epoch, seeded from (seed, epoch), so epoch k's order does not depend on how
            // many earlier epochs were run. (HashCode.Combine is randomised per process, so a fixed mix.)
            new Random(unchecked((_seed * 1_000_003) ^ (epoch * 7_919))).Shuffle(order);
        }
    }
}
