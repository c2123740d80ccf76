using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>Reshapes [N, ...] to [N, features] without copying; the gradient is reshaped back.</summary>
public sealed class Flatten : Layer
{
    private int[]? _inputShape;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 1 || input.Dim(0) == 0)
        {
            throw new ArgumentException($"Flatten expects a non-empty batch, got {input.ShapeText}.", nameof(input));
        }

        _inputShape = input.Shape.ToArray();
        return input.Reshape(input.Dim(0), input.Length / input.Dim(0));
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        int[] shape = _inputShape ?? throw new InvalidOperationException("Flatten.Backward called before Forward.");
        return outputGradient.Reshape(shape);
    }
}
