using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// 2-D convolution (groups = 1) on a zero-padded input, PyTorch weight layout [Cout, Cin, kh, kw].
/// Definition of each output element: start from the bias, then add w·x for every tap in the order
/// input channel, kernel row, kernel column (taps falling on the padding included, with x = 0). The input is
/// unfolded per sample (an exact copy) and multiplied by <see cref="CanonicalMatrixProduct"/>.
/// </summary>
public sealed class CanonicalConvolution : ICanonicalLayer
{
    private readonly float[] _weight;
    private readonly float[] _bias;
    private readonly int _inChannels;
    private readonly int _height;
    private readonly int _width;
    private readonly int _outChannels;
    private readonly int _kernel;
    private readonly int _stride;
    private readonly int _padding;
    private readonly int _outHeight;
    private readonly int _outWidth;

    /// <summary>Binds the layer to a state's tensors (not copied).</summary>
    /// <param name="state">The model state.</param>
    /// <param name="name">Prefix of the tensors, e.g. "conv1" for "conv1.weight" and "conv1.bias".</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernel">Square kernel side.</param>
    /// <param name="stride">Stride (≥ 1).</param>
    /// <param name="padding">Zero padding on every side (≥ 0).</param>
    public CanonicalConvolution(IReadOnlyDictionary<string, Tensor> state, string name, int inChannels, int height, int width, int outChannels, int kernel, int stride = 1, int padding = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        _weight = CanonicalStateTensor.Require(state, name + ".weight", outChannels, inChannels, kernel, kernel).Storage;
        _bias = CanonicalStateTensor.Require(state, name + ".bias", outChannels).Storage;
        _inChannels = inChannels;
        _height = height;
        _width = width;
        _outChannels = outChannels;
        _kernel = kernel;
        _stride = stride;
        _padding = padding;
        _outHeight = ((height + (2 * padding) - kernel) / stride) + 1;
        _outWidth = ((width + (2 * padding) - kernel) / stride) + 1;
        if (_outHeight <= 0 || _outWidth <= 0)
        {
            throw new ArgumentException($"Convolution '{name}': a {kernel}×{kernel} kernel does not fit a {height}×{width} input with padding {padding}.", nameof(kernel));
        }
    }

    /// <summary>Output height.</summary>
    public int OutputHeight => _outHeight;

    /// <summary>Output width.</summary>
    public int OutputWidth => _outWidth;

    /// <inheritdoc />
    public int InputLength => _inChannels * _height * _width;

    /// <inheritdoc />
    public int OutputLength => _outChannels * _outHeight * _outWidth;

    private int PatchLength => _inChannels * _kernel * _kernel;

    /// <inheritdoc />
    public int ScratchLength(int samples) => PatchLength * _outHeight * _outWidth;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        int pixels = _outHeight * _outWidth;
        Span<float> unfolded = scratch[..(PatchLength * pixels)];
        for (int s = 0; s < samples; s++)
        {
            Unfold(input.Slice(s * InputLength, InputLength), unfolded);
            CanonicalMatrixProduct.Multiply(_weight, _bias, unfolded, output.Slice(s * OutputLength, OutputLength), _outChannels, PatchLength, pixels);
        }
    }

    // Row (c, ky, kx) of the unfolded matrix holds that tap's input value for every output pixel.
    private void Unfold(ReadOnlySpan<float> image, Span<float> unfolded)
    {
        int pixels = _outHeight * _outWidth;
        int row = 0;
        for (int c = 0; c < _inChannels; c++)
        {
            ReadOnlySpan<float> plane = image.Slice(c * _height * _width, _height * _width);
            for (int ky = 0; ky < _kernel; ky++)
            {
                for (int kx = 0; kx < _kernel; kx++, row++)
                {
                    Span<float> target = unfolded.Slice(row * pixels, pixels);
                    for (int oy = 0; oy < _outHeight; oy++)
                    {
                        int iy = (oy * _stride) + ky - _padding;
                        Span<float> line = target.Slice(oy * _outWidth, _outWidth);
                        if ((uint)iy >= (uint)_height)
                        {
                            line.Clear();
                            continue;
                        }

                        ReadOnlySpan<float> source = plane.Slice(iy * _width, _width);
                        if (_stride == 1)
                        {
                            // Columns whose tap lands inside the row are one contiguous run; zeros either side.
                            // Plain loops: rows here are 5–32 floats, where a copy call costs more than the copy.
                            int first = Math.Clamp(_padding - kx, 0, _outWidth);
                            int end = Math.Clamp(_width + _padding - kx, first, _outWidth);
                            int shift = kx - _padding;
                            for (int ox = 0; ox < first; ox++)
                            {
                                line[ox] = 0f;
                            }

                            for (int ox = first; ox < end; ox++)
                            {
                                line[ox] = source[ox + shift];
                            }

                            for (int ox = end; ox < _outWidth; ox++)
                            {
                                line[ox] = 0f;
                            }

                            continue;
                        }

                        for (int ox = 0; ox < _outWidth; ox++)
                        {
                            int ix = (ox * _stride) + kx - _padding;
                            line[ox] = (uint)ix < (uint)_width ? source[ix] : 0f;
                        }
                    }
                }
            }
        }
    }
}
