using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>
/// Transposed 2-D convolution (the adjoint of <see cref="Conv2d"/>), weight [in, out, k, k] as in PyTorch;
/// output size (H − 1)·stride − 2·padding + k + outputPadding. Its forward is a convolution's data gradient
/// and its data gradient a convolution's forward, so it reuses the same backend kernels.
/// </summary>
public sealed class ConvTranspose2d : Layer
{
    private readonly Parameter _weight;
    private readonly Parameter? _bias;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernelSize">Kernel height and width.</param>
    /// <param name="random">Seeded source for the initial weights.</param>
    /// <param name="stride">Upsampling step.</param>
    /// <param name="padding">Rows/columns removed from each side of the full output.</param>
    /// <param name="outputPadding">Extra rows/columns on the bottom/right (less than stride).</param>
    /// <param name="bias">Whether to learn a bias.</param>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, RandomSource random, int stride = 1, int padding = 0, int outputPadding = 0, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentNullException.ThrowIfNull(random);
        if (outputPadding < 0 || outputPadding >= stride)
        {
            throw new ArgumentOutOfRangeException(nameof(outputPadding), $"ConvTranspose2d output padding {outputPadding} must be in [0, stride {stride}).");
        }

        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        OutputPadding = outputPadding;
        _weight = new Parameter("weight", new Tensor(inChannels, outChannels, kernelSize, kernelSize));

        // PyTorch computes fan-in of this layout from dimension 1: out·k·k.
        int fanIn = outChannels * kernelSize * kernelSize;
        Initializers.KaimingUniform(_weight.Value, fanIn, random, Math.Sqrt(5));
        if (bias)
        {
            _bias = new Parameter("bias", new Tensor(outChannels));
            Initializers.FanInUniform(_bias.Value, fanIn, random);
        }
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel size.</summary>
    public int KernelSize { get; }

    /// <summary>Upsampling step.</summary>
    public int Stride { get; }

    /// <summary>Padding removed from each side.</summary>
    public int Padding { get; }

    /// <summary>Extra output rows/columns.</summary>
    public int OutputPadding { get; }

    /// <summary>The weight [in, out, k, k].</summary>
    public Parameter Weight => _weight;

    /// <summary>The bias [out], or null.</summary>
    public Parameter? Bias => _bias;

    /// <inheritdoc />
    protected override IEnumerable<Parameter> OwnParameters => _bias is null ? [_weight] : [_weight, _bias];

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        Conv2dGeometry g = AdjointGeometry(input);
        _input = input;
        Tensor output = Tensor.Reuse(ref _output, g.Batch, OutChannels, g.InHeight, g.InWidth);
        Backend.Conv2dBackwardData(input, _weight.Value, output, g);
        if (_bias is not null)
        {
            Backend.AddChannelBias(output, _bias.Value);
        }

        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor input = RequireForward(_input, nameof(ConvTranspose2d));
        RequireSameShape(outputGradient, _output!, nameof(ConvTranspose2d));
        Conv2dGeometry g = AdjointGeometry(input);
        Backend.Conv2dBackwardFilter(outputGradient, input, _weight.Gradient, null, g);
        if (_bias is not null)
        {
            Backend.AccumulateChannelSums(outputGradient, _bias.Gradient);
        }

        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        if (RequiresInputGradient)
        {
            Backend.Conv2dForward(outputGradient, _weight.Value, null, inputGradient, g);
        }

        return inputGradient;
    }

    // The convolution whose data gradient this layer's forward is: it maps the (larger) output back to the input.
    private Conv2dGeometry AdjointGeometry(Tensor input)
    {
        RequireImage(input, InChannels, nameof(ConvTranspose2d));
        int outHeight = ((input.Dim(2) - 1) * Stride) - (2 * Padding) + KernelSize + OutputPadding;
        int outWidth = ((input.Dim(3) - 1) * Stride) - (2 * Padding) + KernelSize + OutputPadding;
        var g = new Conv2dGeometry(input.Dim(0), OutChannels, outHeight, outWidth, InChannels, KernelSize, KernelSize, Stride, Padding, 1);
        g.Validate();
        if (g.OutHeight != input.Dim(2) || g.OutWidth != input.Dim(3))
        {
            throw new ArgumentException($"ConvTranspose2d cannot map input {input.ShapeText} with kernel {KernelSize}, stride {Stride}, padding {Padding}.", nameof(input));
        }

        return g;
    }
}
