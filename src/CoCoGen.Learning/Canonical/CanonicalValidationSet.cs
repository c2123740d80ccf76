using CoCoGen.Learning.Data;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// The images and labels a canonical evaluation scores, held as float32 exactly as the evaluator reads them.
/// The pixels are taken as given: bit-identical results need bit-identical inputs, so a caller that normalises
/// must do so with scalar, FMA-free code (ByteImageDataset's byte·(1/255) is).
/// </summary>
public sealed class CanonicalValidationSet
{
    private readonly float[] _images;
    private readonly int[] _labels;

    /// <summary>Wraps images (not copied) and labels.</summary>
    /// <param name="images">Count × imageLength floats, CHW per image.</param>
    /// <param name="labels">One label per image.</param>
    /// <param name="imageLength">Floats per image.</param>
    /// <param name="classes">Number of classes; every label must lie below it.</param>
    public CanonicalValidationSet(float[] images, int[] labels, int imageLength, int classes)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (labels.Length == 0)
        {
            throw new ArgumentException("A validation set needs at least one sample.", nameof(labels));
        }

        if (images.LongLength != (long)labels.Length * imageLength)
        {
            throw new ArgumentException($"{images.Length} floats given for {labels.Length} images of {imageLength}.", nameof(images));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"Label of validation sample {i} is {labels[i]}; labels lie in [0, {classes}).", nameof(labels));
            }
        }

        _images = images;
        _labels = labels;
        ImageLength = imageLength;
        Classes = classes;
    }

    /// <summary>Number of samples.</summary>
    public int Count => _labels.Length;

    /// <summary>Floats per image.</summary>
    public int ImageLength { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>All images back to back.</summary>
    public ReadOnlySpan<float> Images => _images;

    /// <summary>All labels.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>Copies the chosen samples of a dataset, in the order given.</summary>
    /// <param name="dataset">The pool.</param>
    /// <param name="indices">Sample indices into the pool.</param>
    public static CanonicalValidationSet FromDataset(ImageDataset dataset, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        float[] images = new float[(long)indices.Length * dataset.ImageSize];
        int[] labels = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            dataset.CopyImage(indices[i], images.AsSpan(i * dataset.ImageSize, dataset.ImageSize));
            labels[i] = dataset.Label(indices[i]);
        }

        return new CanonicalValidationSet(images, labels, dataset.ImageSize, dataset.ClassCount);
    }
}
