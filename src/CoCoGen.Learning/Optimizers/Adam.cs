using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Optimizers;

/// <summary>Adam (Kingma and Ba) with bias correction and optional L2 weight decay, as PyTorch's torch.optim.Adam.</summary>
public sealed class Adam : Optimizer
{
    private readonly Tensor[] _firstMoment;
    private readonly Tensor[] _secondMoment;
    private int _step;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="learningRate">Learning rate.</param>
    /// <param name="beta1">First-moment decay.</param>
    /// <param name="beta2">Second-moment decay.</param>
    /// <param name="epsilon">Denominator floor.</param>
    /// <param name="weightDecay">L2 coefficient.</param>
    /// <param name="backend">The backend.</param>
    public Adam(IEnumerable<Parameter> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0, IComputeBackend? backend = null)
        : base(parameters, learningRate, backend)
    {
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"Adam betas ({beta1}, {beta2}) must be in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        _firstMoment = [.. Parameters.Select(p => new Tensor(p.Value.Shape.ToArray()))];
        _secondMoment = [.. Parameters.Select(p => new Tensor(p.Value.Shape.ToArray()))];
    }

    /// <summary>β₁.</summary>
    public float Beta1 { get; }

    /// <summary>β₂.</summary>
    public float Beta2 { get; }

    /// <summary>ε.</summary>
    public float Epsilon { get; }

    /// <summary>L2 coefficient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc />
    public override void Update()
    {
        _step++;
        for (int i = 0; i < Parameters.Count; i++)
        {
            Backend.AdamStep(Parameters[i].Value, Parameters[i].Gradient, _firstMoment[i], _secondMoment[i], _step, LearningRate, Beta1, Beta2, Epsilon, WeightDecay);
        }
    }
}
