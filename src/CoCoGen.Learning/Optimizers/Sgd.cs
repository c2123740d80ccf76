using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Optimizers;

/// <summary>Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay (PyTorch semantics, no dampening).</summary>
public sealed class Sgd : Optimizer
{
    private readonly Tensor[] _velocity;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="learningRate">Learning rate.</param>
    /// <param name="momentum">Momentum μ in [0, 1).</param>
    /// <param name="weightDecay">L2 coefficient ≥ 0.</param>
    /// <param name="nesterov">Nesterov momentum (needs μ &gt; 0).</param>
    /// <param name="backend">The backend.</param>
    public Sgd(IEnumerable<Parameter> parameters, float learningRate, float momentum = 0, float weightDecay = 0, bool nesterov = false, IComputeBackend? backend = null)
        : base(parameters, learningRate, backend)
    {
        if (momentum < 0 || momentum >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), $"SGD momentum {momentum} must be in [0, 1).");
        }

        if (nesterov && momentum == 0)
        {
            throw new ArgumentException("Nesterov momentum needs a momentum above 0.", nameof(nesterov));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        Momentum = momentum;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        _velocity = [.. Parameters.Select(p => new Tensor(p.Value.Shape.ToArray()))];
    }

    /// <summary>μ.</summary>
    public float Momentum { get; }

    /// <summary>L2 coefficient.</summary>
    public float WeightDecay { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    public override void Update()
    {
        for (int i = 0; i < Parameters.Count; i++)
        {
            Backend.SgdStep(Parameters[i].Value, Parameters[i].Gradient, _velocity[i], LearningRate, Momentum, WeightDecay, Nesterov);
        }
    }
}
