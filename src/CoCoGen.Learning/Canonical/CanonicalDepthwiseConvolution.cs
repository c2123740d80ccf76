using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Depthwise 2-D convolution (groups = channels, one k×k filter per channel, no bias) on a zero-padded input,
/// PyTorch weight layout [C, 1, k, k]. Definition of each output element: start from 0, then add w·x for every
/// tap of its own channel in the order kernel row, kernel column (taps falling on the padding included, with
/// x = 0). Each channel is one row of <see cref="CanonicalMatrixProduct"/> (M = 1, K = k²) over that channel's
/// taps: stride 1 points every tap's row into the channel's padded plane, other strides unfold the plane
/// (an exact copy) first, as <see cref="CanonicalConvolution"/> does.
/// </summary>
public sealed class CanonicalDepthwiseConvolution : ICanonicalLayer
{
    private static readonly float[] NoBias = [0f];

    private readonly float[] _weight;
    private readonly int _channels;
    private readonly int _height;
    private readonly int _width;
    private readonly int _kernel;
    private readonly int _stride;
    private readonly int _padding;
    private readonly int _paddedHeight;
    private readonly int _paddedWidth;
    private readonly int[] _rowOffsets;

    /// <summary>Binds the layer to a state's weight tensor (not copied).</summary>
    /// <param name="state">The model state.</param>
    /// <param name="name">Prefix of the tensor, e.g. "features.1.0.0" for "features.1.0.0.weight".</param>
    /// <param name="channels">Input and output channels.</param>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="kernel">Square kernel side.</param>
    /// <param name="stride">Stride (≥ 1).</param>
    /// <param name="padding">Zero padding on every side (≥ 0).</param>
    public CanonicalDepthwiseConvolution(IReadOnlyDictionary<string, Tensor> state, string name, int channels, int height, int width, int kernel, int stride, int padding)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        _weight = CanonicalStateTensor.Require(state, name + ".weight", channels, 1, kernel, kernel).Storage;
        _channels = channels;
        _height = height;
        _width = width;
        _kernel = kernel;
        _stride = stride;
        _padding = padding;
        OutputHeight = ((height + (2 * padding) - kernel) / stride) + 1;
        OutputWidth = ((width + (2 * padding) - kernel) / stride) + 1;
        if (OutputHeight <= 0 || OutputWidth <= 0)
        {
            throw new ArgumentException($"Depthwise convolution '{name}': a {kernel}×{kernel} kernel does not fit a {height}×{width} input with padding {padding}.", nameof(kernel));
        }

        _paddedHeight = height + (2 * padding);
        _paddedWidth = width + (2 * padding);
        _rowOffsets = new int[kernel * kernel];
        int pixels = OutputHeight * OutputWidth;
        for (int ky = 0, row = 0; ky < kernel; ky++)
        {
            for (int kx = 0; kx < kernel; kx++, row++)
            {
                _rowOffsets[row] = stride == 1 ? (ky * _paddedWidth) + kx : row * pixels;
            }
        }
    }

    /// <summary>Output height.</summary>
    public int OutputHeight { get; }

    /// <summary>Output width.</summary>
    public int OutputWidth { get; }

    /// <inheritdoc />
    public int InputLength => _channels * _height * _width;

    /// <inheritdoc />
    public int OutputLength => _channels * OutputHeight * OutputWidth;

    private int Taps => _kernel * _kernel;

    // Stride 1: one padded plane plus kernel − 1 zeros read past its end by the last (dropped) columns.
    private int PaddedLength => (_paddedHeight * _paddedWidth) + _kernel - 1;

    /// <inheritdoc />
    public int ScratchLength(int samples) => _stride == 1
        ? PaddedLength + (OutputHeight * _paddedWidth)
        : Taps * OutputHeight * OutputWidth;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        int planeIn = _height * _width;
        int planeOut = OutputHeight * OutputWidth;
        for (int s = 0; s < samples; s++)
        {
            for (int c = 0; c < _channels; c++)
            {
                ReadOnlySpan<float> plane = input.Slice((s * InputLength) + (c * planeIn), planeIn);
                Span<float> target = output.Slice((s * OutputLength) + (c * planeOut), planeOut);
                ReadOnlySpan<float> filter = _weight.AsSpan(c * Taps, Taps);
                if (_stride == 1)
                {
                    ForwardStrideOne(plane, filter, target, scratch);
                }
                else
                {
                    Span<float> unfolded = scratch[..(Taps * planeOut)];
                    Unfold(plane, unfolded);
                    CanonicalMatrixProduct.Multiply(filter, NoBias, unfolded, _rowOffsets, target, 1, Taps, planeOut);
                }
            }
        }
    }

    private void ForwardStrideOne(ReadOnlySpan<float> plane, ReadOnlySpan<float> filter, Span<float> output, Span<float> scratch)
    {
        Span<float> padded = scratch[..PaddedLength];
        int gridLength = OutputHeight * _paddedWidth;
        Span<float> grid = scratch.Slice(PaddedLength, gridLength);
        padded.Clear();
        for (int y = 0; y < _height; y++)
        {
            plane.Slice(y * _width, _width).CopyTo(padded[(((y + _padding) * _paddedWidth) + _padding)..]);
        }

        // Output pixel (y, x) is grid column y·paddedWidth + x; columns x ≥ outWidth are dropped.
        CanonicalMatrixProduct.Multiply(filter, NoBias, padded, _rowOffsets, grid, 1, Taps, gridLength);
        for (int y = 0; y < OutputHeight; y++)
        {
            grid.Slice(y * _paddedWidth, OutputWidth).CopyTo(output[(y * OutputWidth)..]);
        }
    }

    // Row (ky, kx) of the unfolded matrix holds that tap's input value for every output pixel.
    private void Unfold(ReadOnlySpan<float> plane, Span<float> unfolded)
    {
        int pixels = OutputHeight * OutputWidth;
        for (int ky = 0, row = 0; ky < _kernel; ky++)
        {
            for (int kx = 0; kx < _kernel; kx++, row++)
            {
                Span<float> target = unfolded.Slice(row * pixels, pixels);
                for (int oy = 0; oy < OutputHeight; oy++)
                {
                    int iy = (oy * _stride) + ky - _padding;
                    Span<float> line = target.Slice(oy * OutputWidth, OutputWidth);
                    if ((uint)iy >= (uint)_height)
                    {
                        line.Clear();
                        continue;
                    }

                    ReadOnlySpan<float> source = plane.Slice(iy * _width, _width);
                    for (int ox = 0; ox < OutputWidth; ox++)
                    {
                        int ix = (ox * _stride) + kx - _padding;
                        line[ox] = (uint)ix < (uint)_width ? source[ix] : 0f;
                    }
                }
            }
        }
    }
}
