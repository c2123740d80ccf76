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
    public int ScratchLength(int samples) => 0;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        int planes = samples * _channels;
        for (int plane = 0; plane < planes; plane++)
        {
            ReadOnlySpan<float> source = input.Slice(plane * _height * _width, _height * _width);
            Span<float> target = output.Slice(plane * OutputHeight * OutputWidth, OutputHeight * OutputWidth);
            for (int oy = 0; oy < OutputHeight; oy++)
            {
                for (int ox = 0; ox < OutputWidth; ox++)
                {
                    int top = oy * _stride;
                    int left = ox * _stride;
                    float max = source[(top * _width) + left];
                    for (int ky = 0; ky < _kernel; ky++)
                    {
                        ReadOnlySpan<float> row = source.Slice(((top + ky) * _width) + left, _kernel);
                        foreach (float value in row)
                        {
                            max = value > max ? value : max;
                        }
                    }

                    target[(oy * OutputWidth) + ox] = max;
                }
            }
        }
    }
}
