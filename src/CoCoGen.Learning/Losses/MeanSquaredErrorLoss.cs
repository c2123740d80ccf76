using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Losses;

/// <summary>Mean squared error over all elements.</summary>
/// <param name="backend">The backend; defaults to <see cref="CpuBackend.Shared"/>.</param>
public sealed class MeanSquaredErrorLoss(IComputeBackend? backend = null)
{
    private readonly IComputeBackend _backend = backend ?? CpuBackend.Shared;
    private Tensor? _gradient;

    /// <summary>Computes the loss and keeps its gradient.</summary>
    /// <param name="prediction">Predictions.</param>
    /// <param name="target">Targets of the same shape.</param>
    /// <returns>The mean loss.</returns>
    public float Forward(Tensor prediction, Tensor target)
    {
        LossShapes.RequireSame(prediction, target, "Mean squared error");
        return _backend.MeanSquaredError(prediction, target, Tensor.Reuse(ref _gradient, prediction.Shape));
    }

    /// <summary>∂loss/∂prediction of the last <see cref="Forward"/>.</summary>
    public Tensor Backward() => _gradient ?? throw new InvalidOperationException("MeanSquaredErrorLoss.Backward called before Forward.");
}
