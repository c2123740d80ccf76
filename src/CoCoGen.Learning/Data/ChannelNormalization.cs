namespace CoCoGen.Learning.Data;

/// <summary>
/// Per-channel standardisation <c>x' = (x − mean[c]) / std[c]</c> applied to CHW images with pixels in [0, 1].
/// </summary>
public sealed class ChannelNormalization
{
    private readonly float[] _mean;
    private readonly float[] _std;

    /// <summary>Creates a normalisation from per-channel means and standard deviations.</summary>
    /// <param name="mean">Mean of each channel.</param>
    /// <param name="std">Standard deviation of each channel; each positive.</param>
    public ChannelNormalization(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count == 0 || mean.Count != std.Count)
        {
            throw new ArgumentException($"Means ({mean.Count}) and standard deviations ({std.Count}) must be given for the same, non-zero number of channels.", nameof(std));
        }

        for (int c = 0; c < std.Count; c++)
        {
            if (!(std[c] > 0) || float.IsInfinity(std[c]))
            {
                throw new ArgumentOutOfRangeException(nameof(std), std[c], $"Standard deviation of channel {c} must be positive and finite.");
            }
        }

        _mean = [.. mean];
        _std = [.. std];
    }

    /// <summary>The identity: mean 0 and standard deviation 1 for every channel.</summary>
    /// <param name="channels">Number of channels.</param>
    public static ChannelNormalization Identity(int channels) =>
        new(new float[channels], Enumerable.Repeat(1f, channels).ToArray());

    /// <summary>Fashion-MNIST training-set statistics (mean 0.2860, std 0.3530), as commonly used with PyTorch.</summary>
    public static ChannelNormalization FashionMnist { get; } = new([0.2860f], [0.3530f]);

    /// <summary>Per-channel means.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>Per-channel standard deviations.</summary>
    public IReadOnlyList<float> Std => _std;

    /// <summary>Number of channels.</summary>
    public int Channels => _mean.Length;

    /// <summary>Measures the per-channel mean and (population) standard deviation of a dataset.</summary>
    /// <param name="dataset">The dataset; must not be empty.</param>
    public static ChannelNormalization Measure(ImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Count == 0)
        {
            throw new ArgumentException("Cannot measure an empty dataset.", nameof(dataset));
        }

        int plane = dataset.Height * dataset.Width;
        var sum = new double[dataset.Channels];
        var sumSquares = new double[dataset.Channels];
        var image = new float[dataset.ImageSize];
        for (int i = 0; i < dataset.Count; i++)
        {
            dataset.CopyImage(i, image);
            for (int c = 0; c < dataset.Channels; c++)
            {
                double s = 0, s2 = 0;
                foreach (float x in image.AsSpan(c * plane, plane))
                {
                    s += x;
                    s2 += (double)x * x;
                }

                sum[c] += s;
                sumSquares[c] += s2;
            }
        }

        double n = (double)dataset.Count * plane;
        var mean = new float[dataset.Channels];
        var std = new float[dataset.Channels];
        for (int c = 0; c < dataset.Channels; c++)
        {
            double m = sum[c] / n;
            mean[c] = (float)m;
            // A constant channel has zero spread; 1 keeps the transform defined and leaves it centred.
            double variance = Math.Max(0, sumSquares[c] / n - m * m);
            std[c] = variance > 0 ? (float)Math.Sqrt(variance) : 1f;
        }

        return new ChannelNormalization(mean, std);
    }

    /// <summary>Standardises one CHW image in place.</summary>
    /// <param name="image">Channels × plane floats.</param>
    /// <param name="plane">Height × Width.</param>
    public void ApplyInPlace(Span<float> image, int plane)
    {
        if (image.Length != Channels * plane)
        {
            throw new ArgumentException($"Image holds {image.Length} floats; {Channels} channels of {plane} need {Channels * plane}.", nameof(image));
        }

        for (int c = 0; c < Channels; c++)
        {
            float mean = _mean[c];
            float inverseStd = 1f / _std[c];
            var channel = image.Slice(c * plane, plane);
            for (int i = 0; i < channel.Length; i++)
            {
                channel[i] = (channel[i] - mean) * inverseStd;
            }
        }
    }
}
