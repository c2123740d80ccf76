namespace CoCoGen.Learning.Data;

/// <summary>
/// A view joining real and synthetic samples of the same shape: indices [0, Real.Count) are the real
/// samples, the rest the synthetic ones. Nothing is copied.
/// </summary>
public sealed class MixedDataset : ImageDataset
{
    /// <summary>Joins two datasets of the same image shape and class count.</summary>
    /// <param name="real">Real samples (for example an organization's Fashion-MNIST share).</param>
    /// <param name="synthetic">Synthetic samples (for example from the conditional VAE).</param>
    public MixedDataset(ImageDataset real, ImageDataset synthetic)
        : base(CheckedCount(real, synthetic), real.Channels, real.Height, real.Width, real.ClassCount)
    {
        Real = real;
        Synthetic = synthetic;
    }

    /// <summary>The real part.</summary>
    public ImageDataset Real { get; }

    /// <summary>The synthetic part.</summary>
    public ImageDataset Synthetic { get; }

    /// <summary>True when sample <paramref name="index"/> comes from the synthetic part.</summary>
    /// <param name="index">Sample index in [0, Count).</param>
    public bool IsSynthetic(int index) => index >= Real.Count;

    /// <inheritdoc />
    public override int Label(int index) => index < Real.Count ? Real.Label(index) : Synthetic.Label(index - Real.Count);

    /// <inheritdoc />
    public override void CopyImage(int index, Span<float> destination)
    {
        CheckAccess(index, destination.Length);
        if (index < Real.Count)
        {
            Real.CopyImage(index, destination);
        }
        else
        {
            Synthetic.CopyImage(index - Real.Count, destination);
        }
    }

    private static int CheckedCount(ImageDataset real, ImageDataset synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        if (!real.HasSameShape(synthetic))
        {
            throw new ArgumentException(
                $"Synthetic samples are {synthetic.Channels}×{synthetic.Height}×{synthetic.Width} with {synthetic.ClassCount} classes; real ones are {real.Channels}×{real.Height}×{real.Width} with {real.ClassCount}.",
                nameof(synthetic));
        }

        return checked(real.Count + synthetic.Count);
    }
}
