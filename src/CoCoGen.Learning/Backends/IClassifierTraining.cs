using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Backends;

/// <summary>One optimizer's run over a classifier: each batch is forward, softmax cross-entropy (mean), backward, step.</summary>
public interface IClassifierTraining
{
    /// <summary>Trains one pass over the batches.</summary>
    /// <param name="batches">The data, consumed in order.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>Mean training loss and accuracy, measured on each batch before its step.</returns>
    EpochResult TrainEpoch(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default);
}
