using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Losses;

/// <summary>Binary cross-entropy of sigmoid(logits) against targets in [0, 1], averaged over all elements (numerically stable form).</summary>
/// <param name="backend">The backend; defaults to <see cref="CpuBackend.Shared"/>.</param>
public sealed class BinaryCrossEntropyWithLogitsLoss(IComputeBackend? backend = null)
{
    private readonly IComputeBackend _backend = backend ?? CpuBackend.Shared;
    private Tensor? _gradient;

    /// <summary>Computes the loss and keeps its gradient.</summary>
    /// <param name="logits">Logits.</param>
    /// <param name="target">Targets of the same shape.</param>
    /// <returns>The mean loss.</returns>
    public float Forward(Tensor logits, Tensor target)
    {
        LossShapes.RequireSame(logits, target, "Binary cross-entropy");
        return _backend.BinaryCrossEntropyWithLogits(logits, target, Tensor.Reuse(ref _gradient, logits.Shape));
    }

    /// <summary>∂loss/∂logits of the last <see cref="Forward"/>.</summary>
    public Tensor Backward() => _gradient ?? throw new InvalidOperationException("BinaryCrossEntropyWithLogitsLoss.Backward called before Forward.");
}
