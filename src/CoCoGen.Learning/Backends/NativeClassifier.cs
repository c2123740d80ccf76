using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Losses;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Backends;

/// <summary>A classifier on the native engine: the layer tree itself, trained by <see cref="Trainer"/>.</summary>
internal sealed class NativeClassifier(Layer model, IComputeBackend compute) : IClassifier
{
    public IReadOnlyList<(string Name, Tensor Tensor)> State() => [.. model.StateTensors()];

    public void LoadState(IReadOnlyDictionary<string, Tensor> state) => model.LoadState(state);

    public IClassifierTraining StartTraining(OptimizerSettings optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return new NativeClassifierTraining(new Trainer(model, NativeOptimizers.Create(model.Parameters(), optimizer, compute)));
    }

    public EpochResult Evaluate(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var loss = new SoftmaxCrossEntropyLoss(compute);
        model.Eval();
        try
        {
            double lossSum = 0;
            long correct = 0, samples = 0;
            foreach (LabeledBatch batch in batches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Tensor logits = model.Forward(batch.Images);
                lossSum += (double)loss.Forward(logits, batch.Labels) * batch.Count;
                correct += Trainer.CountCorrect(logits, batch.Labels);
                samples += batch.Count;
            }

            return samples == 0 ? default : new EpochResult(lossSum / samples, (double)correct / samples, samples);
        }
        finally
        {
            model.Train();
        }
    }

    public void Dispose()
    {
        // Managed memory only.
    }

    private sealed class NativeClassifierTraining(Trainer trainer) : IClassifierTraining
    {
        public EpochResult TrainEpoch(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default)
            => trainer.TrainEpoch(batches, cancellationToken);
    }
}
