using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Layers;
using TorchSharp;
using static TorchSharp.torch;
using HostTensor = CoCoGen.Learning.Tensors.Tensor;

namespace CoCoGen.Learning.Torch;

/// <summary>
/// TorchSharp (LibTorch) as a backend, on the CPU or a CUDA device. Models are translated from the engine's layer
/// trees with their initial weights, so a seed gives the same starting point as on the native engine; training
/// then follows torch's kernels (and its own nondeterminism on GPUs).
/// </summary>
public sealed class TorchLearningBackend : ILearningBackend
{
    private readonly Device _device;

    /// <summary>Loads LibTorch and selects the device.</summary>
    /// <param name="device">"cpu" or "cuda" (or "cuda:N").</param>
    /// <param name="threads">Intra-op threads on the CPU (0: torch's default, every core).</param>
    /// <param name="seed">Seeds torch's own generator (dropout masks).</param>
    /// <exception cref="LearningBackendUnavailableException">LibTorch does not load, or CUDA was asked for and this LibTorch has none.</exception>
    public TorchLearningBackend(string device = "cpu", int threads = 0, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        bool cuda = device.StartsWith("cuda", StringComparison.Ordinal);
        if (!cuda && device != "cpu")
        {
            throw new LearningBackendUnavailableException($"device '{device}' is not known: use cpu or cuda");
        }

        try
        {
            if (cuda && !torch.cuda.is_available())
            {
                throw new LearningBackendUnavailableException(
                    $"device '{device}': this build has no CUDA LibTorch (TorchSharp-cpu); reference TorchSharp-cuda-linux instead and run on a machine with an NVIDIA driver");
            }

            if (threads > 0)
            {
                torch.set_num_threads(threads);
            }

            torch.manual_seed(unchecked((long)seed));
            _device = torch.device(device);
        }
        catch (Exception e) when (e is DllNotFoundException or NotSupportedException or TypeInitializationException)
        {
            throw new LearningBackendUnavailableException($"TorchSharp's native libraries did not load ({e.Message.Split('\n')[0]})", e);
        }
    }

    /// <inheritdoc />
    public string Name => "torch";

    /// <inheritdoc />
    public string Device => _device.type == DeviceType.CUDA ? "cuda" : "cpu";

    /// <inheritdoc />
    public IClassifier Classifier(Layer architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new TorchClassifier(architecture, _device);
    }

    /// <inheritdoc />
    public IConditionalGenerator Generator(ConditionalVae architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new TorchConditionalGenerator(architecture, _device);
    }

    /// <inheritdoc />
    public Dictionary<string, HostTensor> Average(IReadOnlyList<ModelUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            throw new ArgumentException("FedAvg needs at least one update.", nameof(updates));
        }

        double total = updates.Sum(u => u.SampleCount > 0 ? (double)u.SampleCount : throw new ArgumentException($"Update of {u.Organization} has {u.SampleCount} samples; FedAvg needs a positive count.", nameof(updates)));
        var average = new Dictionary<string, HostTensor>();
        foreach ((string name, HostTensor first) in updates[0].State)
        {
            using var scope = torch.NewDisposeScope();
            Tensor sum = torch.zeros(first.Shape.ToArray().Select(d => (long)d).ToArray(), ScalarType.Float64, _device);
            foreach (ModelUpdate update in updates)
            {
                if (!update.State.TryGetValue(name, out HostTensor? tensor) || !tensor.HasShape(first.Shape))
                {
                    throw new ArgumentException($"Update of {update.Organization} lacks tensor '{name}' {first.ShapeText}.", nameof(updates));
                }

                sum.add_(TorchState.ToTorch(tensor, _device).to(ScalarType.Float64), alpha: update.SampleCount / total);
            }

            average[name] = TorchState.ToHost(sum.to(ScalarType.Float32));
        }

        return average;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Modules and tensors are owned by the classifiers and generators; LibTorch itself stays loaded.
    }
}
