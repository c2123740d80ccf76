using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;

namespace CoCoGen.Learning.Optimizers;

/// <summary>Updates a fixed list of parameters from their accumulated gradients.</summary>
public abstract class Optimizer
{
    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">Initial learning rate (&gt; 0).</param>
    /// <param name="backend">The backend; defaults to <see cref="CpuBackend.Shared"/>.</param>
    protected Optimizer(IEnumerable<Parameter> parameters, float learningRate, IComputeBackend? backend)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        LearningRate = learningRate;
        Backend = backend ?? CpuBackend.Shared;
    }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The learning rate used by the next <see cref="Update"/>; schedules set it.</summary>
    public float LearningRate
    {
        get;
        set
        {
            if (!(value > 0) || float.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"Learning rate {value} must be positive and finite.");
            }

            field = value;
        }
    }

    /// <summary>The backend.</summary>
    protected IComputeBackend Backend { get; }

    /// <summary>Applies one update to every parameter.</summary>
    public abstract void Update();

    /// <summary>Zeroes every parameter's gradient.</summary>
    public void ZeroGradients()
    {
        foreach (Parameter parameter in Parameters)
        {
            parameter.Gradient.Clear();
        }
    }
}
