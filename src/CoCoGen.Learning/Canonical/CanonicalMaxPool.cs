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
    public int ScratchLength(int samples) => OutputWidth;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        // One output row at a time: the running maxima of the row's windows live in the output row, and the
        // windows' next elements are gathered into a scratch row, so the selection runs across windows in SIMD
        // while each window still visits its elements in row-major order.
        Span<float> candidates = scratch[..OutputWidth];
        int planes = samples * _channels;
        for (int plane = 0; plane < planes; plane++)
        {
            ReadOnlySpan<float> source = input.Slice(plane * _height * _width, _height * _width);
            Span<float> target = output.Slice(plane * OutputHeight * OutputWidth, OutputHeight * OutputWidth);
            for (int oy = 0; oy < OutputHeight; oy++)
            {
                Span<float> maxima = target.Slice(oy * OutputWidth, OutputWidth);
                int top = oy * _stride * _width;
                Gather(source, top, maxima);
                for (int tap = 1; tap < _kernel * _kernel; tap++)
                {
                    Gather(source, top + ((tap / _kernel) * _width) + (tap % _kernel), candidates);
                    KeepGreater(candidates, maxima);
                }
            }
        }
    }

    private void Gather(ReadOnlySpan<float> source, int offset, Span<float> destination)
    {
        for (int ox = 0; ox < destination.Length; ox++)
        {
            destination[ox] = source[offset + (ox * _stride)];
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
