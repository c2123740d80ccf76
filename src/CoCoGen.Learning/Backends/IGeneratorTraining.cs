using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Backends;

/// <summary>One optimizer's run over a conditional generator.</summary>
public interface IGeneratorTraining
{
    /// <summary>Trains one pass over the batches (images in [0, 1] with labels).</summary>
    /// <param name="batches">The data, consumed in order.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>The mean reconstruction and KL terms per image.</returns>
    VaeLoss TrainEpoch(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default);
}
