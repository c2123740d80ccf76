using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>A pointwise nonlinearity; <see cref="Relu"/>, <see cref="Relu6"/>, <see cref="Hardswish"/>, <see cref="Hardsigmoid"/> and <see cref="Sigmoid"/> name the kinds.</summary>
public class Activation : Layer
{
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer.</summary>
    /// <param name="kind">The nonlinearity.</param>
    public Activation(ActivationKind kind)
    {
        Kind = kind;
    }

    /// <summary>The nonlinearity.</summary>
    public ActivationKind Kind { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        Tensor output = Tensor.Reuse(ref _output, input.Shape);
        Backend.ActivationForward(Kind, input, output);
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor input = RequireForward(_input, nameof(Activation));
        RequireSameShape(outputGradient, _output!, nameof(Activation));
        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        Backend.ActivationBackward(Kind, input, outputGradient, inputGradient);
        return inputGradient;
    }
}
