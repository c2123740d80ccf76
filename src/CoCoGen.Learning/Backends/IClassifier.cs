using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Backends;

/// <summary>A classifier placed on a backend: its state, training with softmax cross-entropy, and evaluation.</summary>
public interface IClassifier : IDisposable
{
    /// <summary>
    /// Parameters and buffers (batch-norm running statistics) in state-dict order, as host tensors. They may be the
    /// model's live storage (native) or a copy (torch): read them before the next call that trains or loads.
    /// </summary>
    IReadOnlyList<(string Name, Tensor Tensor)> State();

    /// <summary>Replaces the state; every name of <see cref="State"/> must be present with its shape.</summary>
    /// <param name="state">Tensors by state-dict name.</param>
    void LoadState(IReadOnlyDictionary<string, Tensor> state);

    /// <summary>Starts a training session with a fresh optimizer (momentum and moments start at zero).</summary>
    /// <param name="optimizer">Which optimizer and its settings.</param>
    IClassifierTraining StartTraining(OptimizerSettings optimizer);

    /// <summary>Mean loss and accuracy over the batches, in evaluation mode (batch norm uses running statistics, no dropout).</summary>
    /// <param name="batches">The data.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    EpochResult Evaluate(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default);
}
