namespace CoCoGen.Learning.Data;

/// <summary>
/// A labelled image dataset: <see cref="Count"/> images of shape
/// <see cref="Channels"/> × <see cref="Height"/> × <see cref="Width"/> (CHW), pixel values in [0, 1],
/// and one class label in [0, <see cref="ClassCount"/>) per image.
/// </summary>
public abstract class ImageDataset
{
    /// <summary>Creates a dataset description and checks that the shape is positive.</summary>
    /// <param name="count">Number of samples.</param>
    /// <param name="channels">Channels per image (1 for grey, 3 for RGB).</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="classCount">Number of classes.</param>
    protected ImageDataset(int count, int channels, int height, int width, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        Count = count;
        Channels = channels;
        Height = height;
        Width = width;
        ClassCount = classCount;
    }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Channels per image.</summary>
    public int Channels { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Number of classes; labels lie in [0, ClassCount).</summary>
    public int ClassCount { get; }

    /// <summary>Floats per image: Channels × Height × Width.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>The class label of sample <paramref name="index"/>.</summary>
    /// <param name="index">Sample index in [0, Count).</param>
    public abstract int Label(int index);

    /// <summary>Writes sample <paramref name="index"/> as CHW floats in [0, 1] into <paramref name="destination"/>.</summary>
    /// <param name="index">Sample index in [0, Count).</param>
    /// <param name="destination">At least <see cref="ImageSize"/> floats.</param>
    public abstract void CopyImage(int index, Span<float> destination);

    /// <summary>Number of samples of each class.</summary>
    public int[] ClassHistogram()
    {
        var histogram = new int[ClassCount];
        for (int i = 0; i < Count; i++)
        {
            histogram[Label(i)]++;
        }

        return histogram;
    }

    /// <summary>Checks an index and a destination length; shared by every implementation.</summary>
    /// <param name="index">Sample index.</param>
    /// <param name="destinationLength">Length of the caller's buffer.</param>
    protected void CheckAccess(int index, int destinationLength)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Sample index must lie in [0, {Count}).");
        }

        if (destinationLength < ImageSize)
        {
            throw new ArgumentException($"Destination holds {destinationLength} floats; an image needs {ImageSize}.", nameof(destinationLength));
        }
    }

    /// <summary>True when <paramref name="other"/> has the same image shape and class count.</summary>
    /// <param name="other">The dataset to compare with.</param>
    public bool HasSameShape(ImageDataset other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Channels == Channels && other.Height == Height && other.Width == Width && other.ClassCount == ClassCount;
    }
}
