using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Optimizers;
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
        => new Trainer(model, new Sgd(model.Parameters(), 0, backend: compute)).Evaluate(batches, cancellationToken);

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
