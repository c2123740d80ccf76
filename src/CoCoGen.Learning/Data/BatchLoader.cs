using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Data;

/// <summary>
/// Cuts a dataset into float32 NCHW mini-batches (<see cref="LabeledBatch"/>, what <see cref="Trainer"/>
/// consumes), normalised per channel, in an order shuffled afresh for every epoch from (seed, epoch), so a
/// run repeats exactly for a seed. The batch tensors are reused: consume (or copy) a batch before asking
/// for the next.
/// </summary>
public sealed class BatchLoader
{
    private readonly ImageDataset _dataset;
    private readonly ChannelNormalization _normalization;
    private readonly ulong _seed;
    private readonly int[] _order;
    private LabeledBatch? _full;
    private LabeledBatch? _remainder;

    /// <summary>Creates a loader.</summary>
    /// <param name="dataset">The samples.</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="normalization">Per-channel standardisation; its channel count must match the dataset.</param>
    /// <param name="shuffle">Whether each epoch visits samples in a seeded random order (else in index order).</param>
    /// <param name="seed">Seed of the shuffling.</param>
    /// <param name="dropLast">Whether a final batch smaller than <paramref name="batchSize"/> is skipped.</param>
    public BatchLoader(ImageDataset dataset, int batchSize, ChannelNormalization normalization, bool shuffle, ulong seed, bool dropLast = false)
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

    /// <summary>The batches of epoch <paramref name="epoch"/>, each refilling the loader's buffers.</summary>
    /// <param name="epoch">Epoch number, from 0; selects the shuffle.</param>
    public IEnumerable<LabeledBatch> Epoch(int epoch)
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

            LabeledBatch batch = count == BatchSize ? Buffer(ref _full, count) : Buffer(ref _remainder, count);
            Span<float> images = batch.Images.Span;
            for (int i = 0; i < count; i++)
            {
                int sample = _order[start + i];
                Span<float> image = images.Slice(i * imageSize, imageSize);
                _dataset.CopyImage(sample, image);
                _normalization.ApplyInPlace(image, plane);
                batch.Labels[i] = _dataset.Label(sample);
            }

            yield return batch;
        }
    }

    private LabeledBatch Buffer(ref LabeledBatch? buffer, int count)
    {
        if (buffer is null || buffer.Count != count)
        {
            buffer = new LabeledBatch(new Tensor(count, _dataset.Channels, _dataset.Height, _dataset.Width), new int[count]);
        }

        return buffer;
    }

    private void FillOrder(int epoch, int[] order)
    {
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (Shuffle)
        {
            // A generator per epoch, forked from (seed, epoch), so epoch k's order does not depend on how
            // many earlier epochs were run.
            new RandomSource(_seed).Fork((ulong)epoch).Shuffle(order.AsSpan());
        }
    }
}
