using System.Numerics;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Max pooling without padding. Definition: the window is read row by row; the running maximum starts at its
/// first element and takes a later one only when it is strictly greater (so ties keep the first, and a NaN
/// is kept only when it comes first). Comparisons round nothing, so this is exact on every machine.
/// </summary>
public sealed class CanonicalMaxPool : ICanonicalLayer
{
    private readonly int _channels;
    private readonly int _height;
    private readonly int _width;
    private readonly int _kernel;
    private readonly int _stride;

    /// <summary>Creates the layer.</summary>
    /// <param name="channels">Channels.</param>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="kernel">Square window side.</param>
    /// <param name="stride">Stride; the window side when omitted, as in PyTorch.</param>
    public CanonicalMaxPool(int channels, int height, int width, int kernel, int stride = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel);
        ArgumentOutOfRangeException.ThrowIfNegative(stride);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, kernel);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, kernel);
        _channels = channels;
        _height = height;
        _width = width;
        _kernel = kernel;
        _stride = stride == 0 ? kernel : stride;
        OutputHeight = ((height - kernel) / _stride) + 1;
        OutputWidth = ((width - kernel) / _stride) + 1;
    }

    /// <summary>Output height.</summary>
    public int OutputHeight { get; }

    /// <summary>Output width.</summary>
    public int OutputWidth { get; }

    /// <inheritdoc />
    public int InputLength => _channels * _height * _width;

    /// <inheritdoc />
    public int OutputLength => _channels * OutputHeight * OutputWidth;

    /// <inheritdoc />
    public int ScratchLength(int samples) => samples * OutputLength;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        // Tap by tap: the output holds every window's running maximum, the scratch gathers every window's next
        // element (row-major within the window), and one SIMD select over the whole chunk keeps the greater.
        int total = samples * OutputLength;
        Span<float> maxima = output[..total];
        Span<float> candidates = scratch[..total];
        int planes = samples * _channels;
        for (int tap = 0; tap < _kernel * _kernel; tap++)
        {
            Span<float> target = tap == 0 ? maxima : candidates;
            int tapOffset = ((tap / _kernel) * _width) + (tap % _kernel);
            int index = 0;
            for (int plane = 0; plane < planes; plane++)
            {
                for (int oy = 0; oy < OutputHeight; oy++)
                {
                    ReadOnlySpan<float> row = input[((plane * _height * _width) + (oy * _stride * _width) + tapOffset)..];
                    for (int ox = 0; ox < OutputWidth; ox++)
                    {
                        target[index++] = row[ox * _stride];
                    }
                }
            }

            if (tap > 0)
            {
                KeepGreater(candidates, maxima);
            }
        }
    }

    // maxima[i] = candidates[i] > maxima[i] ? candidates[i] : maxima[i]: an ordered comparison (false for NaN)
    // and a select, the same in every lane width.
    private static void KeepGreater(ReadOnlySpan<float> candidates, Span<float> maxima)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= maxima.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var candidate = new Vector<float>(candidates[i..]);
                var maximum = new Vector<float>(maxima[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(candidate, maximum), candidate, maximum).CopyTo(maxima[i..]);
            }
        }

        for (; i < maxima.Length; i++)
        {
            maxima[i] = candidates[i] > maxima[i] ? candidates[i] : maxima[i];
        }
    }
}
