using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;
using HostTensor = CoCoGen.Learning.Tensors.Tensor;

namespace CoCoGen.Learning.Torch;

/// <summary>A classifier as a TorchSharp module on a device.</summary>
internal sealed class TorchClassifier : IClassifier
{
    private readonly nn.Module<Tensor, Tensor> _module;
    private readonly TorchState _state;
    private readonly Device _device;

    public TorchClassifier(Layer architecture, Device device)
    {
        _device = device;
        _module = TorchModules.From(architecture);
        _module.to(device);
        _state = new TorchState(_module, architecture.StateTensors(), device);
        _module.train();
    }

    public IReadOnlyList<(string Name, HostTensor Tensor)> State() => _state.Read();

    public void LoadState(IReadOnlyDictionary<string, HostTensor> state) => _state.Load(state);

    public IClassifierTraining StartTraining(OptimizerSettings optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return new Training(this, TorchOptimizers.Create(_module.parameters(), optimizer));
    }

    public EpochResult Evaluate(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        _module.eval();
        try
        {
            using var noGrad = torch.no_grad();
            double lossSum = 0;
            long correct = 0, samples = 0;
            foreach (LabeledBatch batch in batches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                (Tensor images, Tensor labels) = Inputs(batch);
                Tensor logits = _module.forward(images);
                lossSum += nn.functional.cross_entropy(logits, labels).item<float>() * (double)batch.Count;
                correct += CountCorrect(logits, labels);
                samples += batch.Count;
            }

            return samples == 0 ? default : new EpochResult(lossSum / samples, (double)correct / samples, samples);
        }
        finally
        {
            _module.train();
        }
    }

    public void Dispose() => _module.Dispose();

    private (Tensor Images, Tensor Labels) Inputs(LabeledBatch batch)
        => (TorchState.ToTorch(batch.Images, _device), torch.tensor(batch.Labels.Select(l => (long)l).ToArray(), device: _device));

    // First maximum wins, as in the engine's Trainer.CountCorrect.
    private static long CountCorrect(Tensor logits, Tensor labels) => logits.argmax(1).eq(labels).sum().item<long>();

    private sealed class Training(TorchClassifier owner, optim.Optimizer optimizer) : IClassifierTraining
    {
        public EpochResult TrainEpoch(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(batches);
            owner._module.train();
            double lossSum = 0;
            long correct = 0, samples = 0;
            foreach (LabeledBatch batch in batches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                (Tensor images, Tensor labels) = owner.Inputs(batch);
                optimizer.zero_grad();
                Tensor logits = owner._module.forward(images);
                Tensor loss = nn.functional.cross_entropy(logits, labels);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * (double)batch.Count;
                correct += CountCorrect(logits, labels);
                samples += batch.Count;
            }

            return samples == 0 ? default : new EpochResult(lossSum / samples, (double)correct / samples, samples);
        }
    }
}
