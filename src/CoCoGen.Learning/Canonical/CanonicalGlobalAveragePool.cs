namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Global average pooling to one value per channel. Definition: sum = 0; add the plane's values in row-major
/// order, each sum rounded to float32; the result is sum / pixels (one correctly rounded division). Scalar and
/// sequential, so the same bits everywhere; its cost is one read of the last feature map.
/// </summary>
public sealed class CanonicalGlobalAveragePool : ICanonicalLayer
{
    private readonly int _channels;
    private readonly int _pixels;

    /// <summary>Creates the layer.</summary>
    /// <param name="channels">Channels.</param>
    /// <param name="pixels">Pixels per channel plane.</param>
    public CanonicalGlobalAveragePool(int channels, int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        _channels = channels;
        _pixels = pixels;
    }

    /// <inheritdoc />
    public int InputLength => _channels * _pixels;

    /// <inheritdoc />
    public int OutputLength => _channels;

    /// <inheritdoc />
    public int ScratchLength(int samples) => 0;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        for (int s = 0; s < samples; s++)
        {
            for (int c = 0; c < _channels; c++)
            {
                ReadOnlySpan<float> plane = input.Slice((s * InputLength) + (c * _pixels), _pixels);
                float sum = 0f;
                foreach (float value in plane)
                {
                    sum = (float)(sum + value);
                }

                output[(s * _channels) + c] = (float)(sum / _pixels);
            }
        }
    }
}
