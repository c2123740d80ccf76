using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>Reshapes [N, ...] to [N, features] without copying; the gradient is reshaped back.</summary>
public sealed class Flatten : Layer
{
    private int[]? _inputShape;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _gradient;
    private Tensor? _inputGradient;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 1 || input.Dim(0) == 0)
        {
            throw new ArgumentException($"Flatten expects a non-empty batch, got {input.ShapeText}.", nameof(input));
        }

        // The view is cached: the same input tensor (a previous layer's reused output) comes back every step.
        if (!ReferenceEquals(input, _input))
        {
            _input = input;
            _inputShape = input.Shape.ToArray();
            _output = input.Reshape(input.Dim(0), input.Length / input.Dim(0));
        }

        return _output!;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        int[] shape = _inputShape ?? throw new InvalidOperationException("Flatten.Backward called before Forward.");
        if (!ReferenceEquals(outputGradient, _gradient))
        {
            _gradient = outputGradient;
            _inputGradient = outputGradient.Reshape(shape);
        }

        return _inputGradient!;
    }
}
