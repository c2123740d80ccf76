using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>Fully connected layer y = x·Wᵀ + b on [N, in] inputs; weight [out, in] as in PyTorch.</summary>
public sealed class Linear : Layer
{
    private readonly Parameter _weight;
    private readonly Parameter? _bias;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer with PyTorch's default initialisation (Kaiming uniform, a = √5).</summary>
    /// <param name="inFeatures">Input features.</param>
    /// <param name="outFeatures">Output features.</param>
    /// <param name="random">Seeded source for the initial weights.</param>
    /// <param name="bias">Whether to learn a bias.</param>
    public Linear(int inFeatures, int outFeatures, RandomSource random, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        ArgumentNullException.ThrowIfNull(random);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        _weight = new Parameter("weight", new Tensor(outFeatures, inFeatures));
        Initializers.KaimingUniform(_weight.Value, inFeatures, random, Math.Sqrt(5));
        if (bias)
        {
            _bias = new Parameter("bias", new Tensor(outFeatures));
            Initializers.FanInUniform(_bias.Value, inFeatures, random);
        }
    }

    /// <summary>Input features.</summary>
    public int InFeatures { get; }

    /// <summary>Output features.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight [out, in].</summary>
    public Parameter Weight => _weight;

    /// <summary>The bias [out], or null.</summary>
    public Parameter? Bias => _bias;

    /// <inheritdoc />
    protected override IEnumerable<Parameter> OwnParameters => _bias is null ? [_weight] : [_weight, _bias];

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Dim(1) != InFeatures)
        {
            throw new ArgumentException($"Linear expects input [N, {InFeatures}], got {input.ShapeText}.", nameof(input));
        }

        _input = input;
        Tensor output = Tensor.Reuse(ref _output, input.Dim(0), OutFeatures);
        Backend.MatMul(input, false, _weight.Value, true, output);
        if (_bias is not null)
        {
            Backend.AddRowBias(output, _bias.Value);
        }

        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor input = RequireForward(_input, nameof(Linear));
        RequireSameShape(outputGradient, _output!, nameof(Linear));
        Backend.MatMul(outputGradient, true, input, false, _weight.Gradient, 1, 1);
        if (_bias is not null)
        {
            Backend.AccumulateColumnSums(outputGradient, _bias.Gradient);
        }

        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        if (RequiresInputGradient)
        {
            Backend.MatMul(outputGradient, false, _weight.Value, false, inputGradient);
        }

        return inputGradient;
    }
}
