using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Generative;
using RandomSource = CoCoGen.Learning.Tensors.RandomSource;
using CoCoGen.Learning.Torch.Modules;
using CoCoGen.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;
using HostTensor = CoCoGen.Learning.Tensors.Tensor;

namespace CoCoGen.Learning.Torch;

/// <summary>
/// The engine's conditional VAE (see <see cref="ConditionalVae"/>) in torch: one-hot label planes beside the image
/// into the encoder, z = μ + σ ⊙ ε with ε drawn on the host in the engine's order, [z ‖ one-hot] into the decoder,
/// loss = Σ_pixels BCE-with-logits + KL(N(μ, σ²) ‖ N(0, I)), both averaged over the batch.
/// </summary>
internal sealed class TorchConditionalGenerator : IConditionalGenerator
{
    private readonly ConditionalVaeModule _module;
    private readonly TorchState _state;
    private readonly Device _device;
    private readonly int _classes;
    private readonly int _latent;

    public TorchConditionalGenerator(ConditionalVae architecture, Device device)
    {
        _device = device;
        _classes = architecture.Classes;
        _latent = architecture.LatentSize;
        _module = new ConditionalVaeModule(TorchModules.From(architecture.Encoder), TorchModules.From(architecture.Decoder));
        _module.to(device);
        _state = new TorchState(_module, architecture.StateTensors(), device);
    }

    public IReadOnlyList<(string Name, HostTensor Tensor)> State() => _state.Read();

    public void LoadState(IReadOnlyDictionary<string, HostTensor> state) => _state.Load(state);

    public IGeneratorTraining StartTraining(float learningRate, RandomSource noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        return new Training(this, optim.Adam(_module.parameters(), learningRate), noise);
    }

    /// <summary>The two terms of the negative bound on one batch, with autograd.</summary>
    internal (Tensor Reconstruction, Tensor Kl) Loss(LabeledBatch batch, RandomSource noise)
    {
        int n = batch.Count;
        Tensor images = TorchState.ToTorch(batch.Images, _device);
        Tensor oneHot = OneHot(batch.Labels);
        long side = images.shape[2];
        Tensor planes = oneHot.view(n, _classes, 1, 1).expand(n, _classes, side, side);
        Tensor statistics = _module.Encoder.forward(torch.cat([images, planes], 1));
        Tensor mean = statistics.narrow(1, 0, _latent);
        Tensor logVariance = statistics.narrow(1, _latent, _latent);
        var eps = new HostTensor(n, _latent);
        noise.FillNormal(eps.Span, 0f, 1f);
        Tensor z = mean + (logVariance * 0.5).exp() * TorchState.ToTorch(eps, _device);
        Tensor logits = _module.Decoder.forward(torch.cat([z, oneHot], 1).view(n, _latent + _classes, 1, 1));
        Tensor reconstruction = nn.functional.binary_cross_entropy_with_logits(logits, images, reduction: nn.Reduction.Sum) / n;
        Tensor kl = (1 + logVariance - mean.pow(2) - logVariance.exp()).sum() * (-0.5 / n);
        return (reconstruction, kl);
    }

    public HostTensor Sample(ReadOnlySpan<int> labels, RandomSource noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        if (labels.IsEmpty)
        {
            throw new ArgumentException("At least one label is needed to sample.", nameof(labels));
        }

        // One latent row per image, drawn row by row as the engine's ConditionalVae.Sample does.
        var z = new HostTensor(labels.Length, _latent);
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)_classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Label {i} must lie in [0, {_classes}).");
            }

            noise.FillNormal(z.Span.Slice(i * _latent, _latent), 0f, 1f);
        }

        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        Tensor code = torch.cat([TorchState.ToTorch(z, _device), OneHot(labels.ToArray())], 1).view(labels.Length, _latent + _classes, 1, 1);
        return TorchState.ToHost(torch.sigmoid(_module.Decoder.forward(code)));
    }

    public void Dispose() => _module.Dispose();

    private sealed class Training(TorchConditionalGenerator owner, optim.Optimizer optimizer, RandomSource noise) : IGeneratorTraining
    {
        public VaeLoss TrainEpoch(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(batches);
            double reconstruction = 0, kl = 0;
            long samples = 0;
            foreach (LabeledBatch batch in batches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                (Tensor rec, Tensor div) = owner.Loss(batch, noise);
                (rec + div).backward();
                optimizer.step();
                reconstruction += rec.item<float>() * (double)batch.Count;
                kl += div.item<float>() * (double)batch.Count;
                samples += batch.Count;
            }

            return samples == 0 ? default : new VaeLoss((float)(reconstruction / samples), (float)(kl / samples));
        }
    }

    private Tensor OneHot(int[] labels)
        => nn.functional.one_hot(torch.tensor(labels.Select(l => (long)l).ToArray(), device: _device), _classes).to(ScalarType.Float32);
}
