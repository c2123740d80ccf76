using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Backends;

/// <summary>A conditional VAE on the native engine.</summary>
internal sealed class NativeConditionalGenerator(ConditionalVae vae, IComputeBackend compute) : IConditionalGenerator
{
    public IReadOnlyList<(string Name, Tensor Tensor)> State() => [.. vae.StateTensors()];

    public void LoadState(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        vae.Encoder.LoadState(Prefixed(state, "encoder."));
        vae.Decoder.LoadState(Prefixed(state, "decoder."));
    }

    public IGeneratorTraining StartTraining(float learningRate, RandomSource noise)
        => new NativeGeneratorTraining(new ConditionalVaeTrainer(vae, new Adam(vae.Parameters(), learningRate, backend: compute), noise));

    public Tensor Sample(ReadOnlySpan<int> labels, RandomSource noise) => vae.Sample(labels, noise);

    public void Dispose()
    {
        // Managed memory only.
    }

    private sealed class NativeGeneratorTraining(ConditionalVaeTrainer trainer) : IGeneratorTraining
    {
        public VaeLoss TrainEpoch(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default) => trainer.TrainEpoch(batches, cancellationToken);
    }

    private static Dictionary<string, Tensor> Prefixed(IReadOnlyDictionary<string, Tensor> state, string prefix)
        => state.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(s => s.Key[prefix.Length..], s => s.Value);
}
