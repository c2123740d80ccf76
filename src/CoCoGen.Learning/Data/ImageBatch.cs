namespace CoCoGen.Learning.Data;

/// <summary>
/// One mini-batch: float32 images in NCHW order and their labels. A <see cref="BatchLoader"/> reuses one
/// instance for every batch of an epoch, so consume (or copy) it before asking for the next.
/// </summary>
public sealed class ImageBatch
{
    /// <summary>Allocates buffers for up to <paramref name="capacity"/> images.</summary>
    /// <param name="capacity">Largest batch size.</param>
    /// <param name="channels">Channels per image.</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    public ImageBatch(int capacity, int channels, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Channels = channels;
        Height = height;
        Width = width;
        Images = new float[(long)capacity * channels * height * width];
        Labels = new int[capacity];
    }

    /// <summary>Images, NCHW; the first <see cref="Count"/> × C × H × W floats are valid.</summary>
    public float[] Images { get; }

    /// <summary>Labels; the first <see cref="Count"/> are valid.</summary>
    public int[] Labels { get; }

    /// <summary>Number of images in this batch.</summary>
    public int Count { get; internal set; }

    /// <summary>Channels per image.</summary>
    public int Channels { get; }

    /// <summary>Image height.</summary>
    public int Height { get; }

    /// <summary>Image width.</summary>
    public int Width { get; }

    /// <summary>Floats per image.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>The valid images, NCHW.</summary>
    public Span<float> ImageSpan => Images.AsSpan(0, Count * ImageSize);

    /// <summary>The valid labels.</summary>
    public ReadOnlySpan<int> LabelSpan => Labels.AsSpan(0, Count);
}
