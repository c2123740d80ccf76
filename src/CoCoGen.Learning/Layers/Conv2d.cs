using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>
/// 2-D convolution with square kernel, stride, zero padding and groups (groups = channels is depthwise).
/// Weight [out, in/groups, k, k] as in PyTorch.
/// </summary>
public sealed class Conv2d : Layer
{
    private readonly Parameter _weight;
    private readonly Parameter? _bias;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer with PyTorch's default initialisation (Kaiming uniform, a = √5).</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernelSize">Kernel height and width.</param>
    /// <param name="random">Seeded source for the initial weights.</param>
    /// <param name="stride">Step.</param>
    /// <param name="padding">Zero padding on each side.</param>
    /// <param name="groups">Channel groups.</param>
    /// <param name="bias">Whether to learn a bias.</param>
    public Conv2d(int inChannels, int outChannels, int kernelSize, RandomSource random, int stride = 1, int padding = 0, int groups = 1, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        ArgumentNullException.ThrowIfNull(random);
        if (inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"Conv2d channels {inChannels}→{outChannels} are not divisible by groups {groups}.", nameof(groups));
        }

        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Groups = groups;
        _weight = new Parameter("weight", new Tensor(outChannels, inChannels / groups, kernelSize, kernelSize));
        int fanIn = inChannels / groups * kernelSize * kernelSize;
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

    /// <summary>Kernel height and width.</summary>
    public int KernelSize { get; }

    /// <summary>Step.</summary>
    public int Stride { get; }

    /// <summary>Zero padding on each side.</summary>
    public int Padding { get; }

    /// <summary>Channel groups.</summary>
    public int Groups { get; }

    /// <summary>The weight [out, in/groups, k, k].</summary>
    public Parameter Weight => _weight;

    /// <summary>The bias [out], or null.</summary>
    public Parameter? Bias => _bias;

    /// <inheritdoc />
    protected override IEnumerable<Parameter> OwnParameters => _bias is null ? [_weight] : [_weight, _bias];

    /// <summary>The geometry for an input of the given shape.</summary>
    /// <param name="input">[N, C, H, W].</param>
    public Conv2dGeometry GeometryFor(Tensor input)
    {
        RequireImage(input, InChannels, nameof(Conv2d));
        var g = new Conv2dGeometry(input.Dim(0), InChannels, input.Dim(2), input.Dim(3), OutChannels, KernelSize, KernelSize, Stride, Padding, Groups);
        g.Validate();
        return g;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        Conv2dGeometry g = GeometryFor(input);
        _input = input;
        Tensor output = Tensor.Reuse(ref _output, g.Batch, g.OutChannels, g.OutHeight, g.OutWidth);
        Backend.Conv2dForward(input, _weight.Value, _bias?.Value, output, g);
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor input = RequireForward(_input, nameof(Conv2d));
        RequireSameShape(outputGradient, _output!, nameof(Conv2d));
        Conv2dGeometry g = GeometryFor(input);
        Backend.Conv2dBackwardFilter(input, outputGradient, _weight.Gradient, _bias?.Gradient, g);
        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        if (RequiresInputGradient)
        {
            Backend.Conv2dBackwardData(outputGradient, _weight.Value, inputGradient, g);
        }

        return inputGradient;
    }
}
