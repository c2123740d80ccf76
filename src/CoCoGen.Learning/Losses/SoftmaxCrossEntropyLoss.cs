using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Losses;

/// <summary>Softmax cross-entropy from [N, C] logits and integer labels, averaged over the batch.</summary>
/// <param name="backend">The backend; defaults to <see cref="CpuBackend.Shared"/>.</param>
public sealed class SoftmaxCrossEntropyLoss(IComputeBackend? backend = null)
{
    private readonly IComputeBackend _backend = backend ?? CpuBackend.Shared;
    private Tensor? _gradient;

    /// <summary>Computes the loss and keeps its gradient for <see cref="Backward"/>.</summary>
    /// <param name="logits">[N, C].</param>
    /// <param name="labels">[N] in [0, C).</param>
    /// <returns>The mean loss.</returns>
    public float Forward(Tensor logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Rank != 2 || logits.Dim(0) != labels.Length)
        {
            throw new ArgumentException($"Cross-entropy needs logits [N, C] and N labels, got {logits.ShapeText} and {labels.Length} labels.", nameof(logits));
        }

        return _backend.SoftmaxCrossEntropy(logits, labels, Tensor.Reuse(ref _gradient, logits.Shape));
    }

    /// <summary>∂loss/∂logits of the last <see cref="Forward"/>.</summary>
    public Tensor Backward() => _gradient ?? throw new InvalidOperationException("SoftmaxCrossEntropyLoss.Backward called before Forward.");
}
