namespace CoCoGen.Learning.Data;

/// <summary>
/// Images stored as floats in [0, 1] (CHW per image, back to back): the form synthetic samples from a
/// generator take.
/// </summary>
public sealed class FloatImageDataset : ImageDataset
{
    private readonly float[] _pixels;
    private readonly int[] _labels;

    /// <summary>Wraps pixel and label arrays without copying; pixels are checked to lie in [0, 1].</summary>
    /// <param name="pixels">Count × Channels × Height × Width floats in [0, 1].</param>
    /// <param name="labels">One label per image in [0, <paramref name="classCount"/>).</param>
    /// <param name="channels">Channels per image.</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    /// <param name="classCount">Number of classes.</param>
    public FloatImageDataset(float[] pixels, int[] labels, int channels, int height, int width, int classCount)
        : base(labels?.Length ?? 0, channels, height, width, classCount)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.LongLength != (long)labels.Length * channels * height * width)
        {
            throw new ArgumentException(
                $"Pixel array holds {pixels.LongLength} floats; {labels.Length} images of {channels}×{height}×{width} need {(long)labels.Length * channels * height * width}.",
                nameof(pixels));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"Label of sample {i} is {labels[i]}; labels must lie in [0, {classCount}).", nameof(labels));
            }
        }

        for (int i = 0; i < pixels.Length; i++)
        {
            // Written as a negated range test so NaN is rejected too.
            if (!(pixels[i] >= 0f && pixels[i] <= 1f))
            {
                throw new ArgumentException($"Pixel {i % (channels * height * width)} of sample {i / (channels * height * width)} is {pixels[i]}; pixels must lie in [0, 1].", nameof(pixels));
            }
        }

        _pixels = pixels;
        _labels = labels;
    }

    /// <inheritdoc />
    public override int Label(int index) => _labels[index];

    /// <inheritdoc />
    public override void CopyImage(int index, Span<float> destination)
    {
        CheckAccess(index, destination.Length);
        _pixels.AsSpan(index * ImageSize, ImageSize).CopyTo(destination);
    }
}
