using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Backends;

/// <summary>The project's own CPU engine as a backend (deterministic; bit-for-bit reproducible on one thread).</summary>
/// <param name="threads">Kernel threads (0: every core).</param>
public sealed class NativeLearningBackend(int threads = 0) : ILearningBackend
{
    private readonly CpuBackend _compute = new(threads);

    /// <inheritdoc />
    public string Name => "native";

    /// <inheritdoc />
    public string Device => "cpu";

    /// <inheritdoc />
    public IClassifier Classifier(Layer architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        architecture.UseBackend(_compute);
        return new NativeClassifier(architecture, _compute);
    }

    /// <inheritdoc />
    public IConditionalGenerator Generator(ConditionalVae architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        architecture.Encoder.UseBackend(_compute);
        architecture.Decoder.UseBackend(_compute);
        return new NativeConditionalGenerator(architecture, _compute);
    }

    /// <inheritdoc />
    public Dictionary<string, Tensor> Average(IReadOnlyList<ModelUpdate> updates) => FederatedAveraging.Aggregate(updates);

    /// <inheritdoc />
    public void Dispose()
    {
        // CpuBackend holds no unmanaged resources; the interface is disposable for backends that do.
    }
}
