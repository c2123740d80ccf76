using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// 2-D convolution (groups = 1) on a zero-padded input, PyTorch weight layout [Cout, Cin, kh, kw].
/// Definition of each output element: start from the bias (0 for a convolution without one), then add w·x for every tap in the order
/// input channel, kernel row, kernel column (taps falling on the padding included, with x = 0).
/// Stride 1: the sample is copied into a zero-padded image and every tap's row of the product points into it
/// (<see cref="CanonicalMatrixProduct"/> row offsets), computing the output on the padded width and dropping the
/// extra columns: no unfolded copy. Other strides unfold the sample (an exact copy) first. Both feed each
/// output element the same taps in the same order.
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
    private readonly int _paddedHeight;
    private readonly int _paddedWidth;
    private readonly int[] _rowOffsets;

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
    /// <param name="bias">Whether the state holds "<paramref name="name"/>.bias" (MobileNet's convolutions before batch norm have none).</param>
    public CanonicalConvolution(IReadOnlyDictionary<string, Tensor> state, string name, int inChannels, int height, int width, int outChannels, int kernel, int stride = 1, int padding = 0, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        _weight = CanonicalStateTensor.Require(state, name + ".weight", outChannels, inChannels, kernel, kernel).Storage;
        _bias = bias ? CanonicalStateTensor.Require(state, name + ".bias", outChannels).Storage : new float[outChannels];
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

        _paddedHeight = height + (2 * padding);
        _paddedWidth = width + (2 * padding);
        _rowOffsets = new int[inChannels * kernel * kernel];
        int pixels = _outHeight * _outWidth;
        for (int c = 0, row = 0; c < inChannels; c++)
        {
            for (int ky = 0; ky < kernel; ky++)
            {
                for (int kx = 0; kx < kernel; kx++, row++)
                {
                    _rowOffsets[row] = stride == 1 ? (((c * _paddedHeight) + ky) * _paddedWidth) + kx : row * pixels;
                }
            }
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

    // Stride 1: the padded image plus kernel − 1 zeros read past its end by the last rows' last (dropped) columns.
    private int PaddedLength => (_inChannels * _paddedHeight * _paddedWidth) + _kernel - 1;

    /// <inheritdoc />
    public int ScratchLength(int samples) => _stride == 1
        ? PaddedLength + (_outChannels * _outHeight * _paddedWidth)
        : PatchLength * _outHeight * _outWidth;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        for (int s = 0; s < samples; s++)
        {
            ReadOnlySpan<float> image = input.Slice(s * InputLength, InputLength);
            Span<float> target = output.Slice(s * OutputLength, OutputLength);
            if (_stride == 1)
            {
                ForwardStrideOne(image, target, scratch);
            }
            else
            {
                Span<float> unfolded = scratch[..(PatchLength * _outHeight * _outWidth)];
                Unfold(image, unfolded);
                CanonicalMatrixProduct.Multiply(_weight, _bias, unfolded, _rowOffsets, target, _outChannels, PatchLength, _outHeight * _outWidth);
            }
        }
    }

    private void ForwardStrideOne(ReadOnlySpan<float> image, Span<float> output, Span<float> scratch)
    {
        Span<float> padded = scratch[..PaddedLength];
        int gridLength = _outHeight * _paddedWidth;
        Span<float> grid = scratch.Slice(PaddedLength, _outChannels * gridLength);
        padded.Clear();
        for (int c = 0; c < _inChannels; c++)
        {
            for (int y = 0; y < _height; y++)
            {
                image.Slice(((c * _height) + y) * _width, _width)
                    .CopyTo(padded[((((c * _paddedHeight) + y + _padding) * _paddedWidth) + _padding)..]);
            }
        }

        // Output pixel (y, x) is grid column y·paddedWidth + x; columns x ≥ outWidth wrap into the next row's
        // taps and are dropped.
        CanonicalMatrixProduct.Multiply(_weight, _bias, padded, _rowOffsets, grid, _outChannels, PatchLength, gridLength);
        for (int o = 0; o < _outChannels; o++)
        {
            for (int y = 0; y < _outHeight; y++)
            {
                grid.Slice((o * gridLength) + (y * _paddedWidth), _outWidth)
                    .CopyTo(output[(((o * _outHeight) + y) * _outWidth)..]);
            }
        }
    }

    // Strides above 1: row (c, ky, kx) of the unfolded matrix holds that tap's input value for every output pixel.
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
