using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>Inverted dropout: in training, zeroes each element with probability p and scales survivors by 1/(1−p); identity in evaluation.</summary>
public sealed class Dropout : Layer
{
    private readonly RandomSource _random;
    private Tensor? _mask;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private bool _forwardWasTraining;

    /// <summary>Creates the layer.</summary>
    /// <param name="probability">Drop probability in [0, 1).</param>
    /// <param name="random">Seeded source for the masks.</param>
    public Dropout(float probability, RandomSource random)
    {
        if (!(probability >= 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), $"Dropout probability {probability} must be in [0, 1).");
        }

        ArgumentNullException.ThrowIfNull(random);
        Probability = probability;
        _random = random;
    }

    /// <summary>Drop probability.</summary>
    public float Probability { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _forwardWasTraining = IsTraining && Probability > 0;
        if (!_forwardWasTraining)
        {
            return input;
        }

        Tensor mask = Tensor.Reuse(ref _mask, input.Shape);
        Tensor output = Tensor.Reuse(ref _output, input.Shape);
        Backend.DropoutForward(input, mask, output, Probability, _random);
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (!_forwardWasTraining)
        {
            return outputGradient;
        }

        Tensor mask = RequireForward(_mask, nameof(Dropout));
        RequireSameShape(outputGradient, mask, nameof(Dropout));
        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, mask.Shape);
        Backend.Multiply(outputGradient, mask, inputGradient);
        return inputGradient;
    }
}
