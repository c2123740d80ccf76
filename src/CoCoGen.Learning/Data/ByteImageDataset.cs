namespace CoCoGen.Learning.Data;

/// <summary>
/// Images stored as bytes (0–255, CHW per image, images back to back), the way IDX and CIFAR files hold
/// them; a quarter of the memory of floats. Pixels are scaled to [0, 1] when copied out.
/// </summary>
public sealed class ByteImageDataset : ImageDataset
{
    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    /// <summary>Wraps pixel and label arrays without copying.</summary>
    /// <param name="pixels">Count × Channels × Height × Width bytes.</param>
    /// <param name="labels">One label per image, each below <paramref name="classCount"/>.</param>
    /// <param name="channels">Channels per image.</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    /// <param name="classCount">Number of classes.</param>
    public ByteImageDataset(byte[] pixels, byte[] labels, int channels, int height, int width, int classCount)
        : base(labels?.Length ?? 0, channels, height, width, classCount)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.LongLength != (long)labels.Length * channels * height * width)
        {
            throw new ArgumentException(
                $"Pixel array holds {pixels.LongLength} bytes; {labels.Length} images of {channels}×{height}×{width} need {(long)labels.Length * channels * height * width}.",
                nameof(pixels));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classCount)
            {
                throw new ArgumentException($"Label of sample {i} is {labels[i]}; labels must lie in [0, {classCount}).", nameof(labels));
            }
        }

        _pixels = pixels;
        _labels = labels;
    }

    /// <summary>The raw pixel bytes of sample <paramref name="index"/>.</summary>
    /// <param name="index">Sample index in [0, Count).</param>
    public ReadOnlySpan<byte> RawImage(int index)
    {
        CheckAccess(index, ImageSize);
        return _pixels.AsSpan(index * ImageSize, ImageSize);
    }

    /// <inheritdoc />
    public override int Label(int index) => _labels[index];

    /// <inheritdoc />
    public override void CopyImage(int index, Span<float> destination)
    {
        CheckAccess(index, destination.Length);
        var source = _pixels.AsSpan(index * ImageSize, ImageSize);
        const float scale = 1f / 255f;
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] * scale;
        }
    }
}
