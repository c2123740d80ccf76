using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>
/// Batch normalisation per channel of [N, C, H, W] (or [N, C]) inputs: batch statistics in training mode,
/// running statistics in evaluation mode. Parameters weight (γ) and bias (β); buffers running_mean and
/// running_var, named as in PyTorch.
/// </summary>
public sealed class BatchNorm2d : Layer
{
    private readonly Parameter _gamma;
    private readonly Parameter _beta;
    private readonly Tensor _runningMean;
    private readonly Tensor _runningVariance;
    private readonly Tensor _savedMean;
    private readonly Tensor _savedInvStd;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private bool _forwardWasTraining;

    /// <summary>Creates the layer with γ = 1, β = 0, running mean 0 and variance 1.</summary>
    /// <param name="channels">Channels.</param>
    /// <param name="epsilon">Variance floor.</param>
    /// <param name="momentum">Weight of the batch statistic in the running average.</param>
    public BatchNorm2d(int channels, float epsilon = 1e-5f, float momentum = 0.1f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        Channels = channels;
        Epsilon = epsilon;
        Momentum = momentum;
        _gamma = new Parameter("weight", new Tensor(channels));
        _gamma.Value.Fill(1);
        _beta = new Parameter("bias", new Tensor(channels));
        _runningMean = new Tensor(channels);
        _runningVariance = new Tensor(channels);
        _runningVariance.Fill(1);
        _savedMean = new Tensor(channels);
        _savedInvStd = new Tensor(channels);
    }

    /// <summary>Channels.</summary>
    public int Channels { get; }

    /// <summary>Variance floor.</summary>
    public float Epsilon { get; }

    /// <summary>Running-average weight.</summary>
    public float Momentum { get; }

    /// <summary>γ.</summary>
    public Parameter Weight => _gamma;

    /// <summary>β.</summary>
    public Parameter Bias => _beta;

    /// <summary>The running mean.</summary>
    public Tensor RunningMean => _runningMean;

    /// <summary>The running (unbiased) variance.</summary>
    public Tensor RunningVariance => _runningVariance;

    /// <inheritdoc />
    protected override IEnumerable<Parameter> OwnParameters => [_gamma, _beta];

    /// <inheritdoc />
    protected override IEnumerable<(string Name, Tensor Tensor)> OwnBuffers => [("running_mean", _runningMean), ("running_var", _runningVariance)];

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 2 || input.Dim(1) != Channels)
        {
            throw new ArgumentException($"BatchNorm2d expects input [N, {Channels}, ...], got {input.ShapeText}.", nameof(input));
        }

        _input = input;
        _forwardWasTraining = IsTraining;
        Tensor output = Tensor.Reuse(ref _output, input.Shape);
        if (IsTraining)
        {
            Backend.BatchNormForwardTraining(input, _gamma.Value, _beta.Value, output, _savedMean, _savedInvStd, _runningMean, _runningVariance, Momentum, Epsilon);
        }
        else
        {
            Backend.BatchNormForwardInference(input, _gamma.Value, _beta.Value, _runningMean, _runningVariance, output, Epsilon);
        }

        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor input = RequireForward(_input, nameof(BatchNorm2d));
        RequireSameShape(outputGradient, _output!, nameof(BatchNorm2d));
        if (!_forwardWasTraining)
        {
            throw new InvalidOperationException("BatchNorm2d.Backward needs a training-mode forward (evaluation mode uses fixed statistics and is not trained).");
        }

        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        Backend.BatchNormBackward(input, outputGradient, _gamma.Value, _savedMean, _savedInvStd, inputGradient, _gamma.Gradient, _beta.Gradient);
        return inputGradient;
    }
}
