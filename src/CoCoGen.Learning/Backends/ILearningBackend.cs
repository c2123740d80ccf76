using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Backends;

/// <summary>
/// Where models train: the project's own engine ("native") or another framework (TorchSharp, "torch").
/// Architectures are described once, as the engine's <see cref="Layer"/> trees (built with a seed, so they also
/// carry the initial weights); a backend runs them. State is exchanged as host tensors under PyTorch state-dict
/// names, the names safetensors files use, so weights move between backends and between organizations that
/// chose different ones.
/// </summary>
public interface ILearningBackend : IDisposable
{
    /// <summary>"native" or "torch".</summary>
    string Name { get; }

    /// <summary>"cpu" or "cuda".</summary>
    string Device { get; }

    /// <summary>Runs a classifier mapping [N, C, H, W] images to [N, classes] logits on this backend.</summary>
    /// <param name="architecture">The model, with its initial weights; the backend may take it over.</param>
    IClassifier Classifier(Layer architecture);

    /// <summary>Runs a conditional VAE on this backend.</summary>
    /// <param name="architecture">The generator, with its initial weights; the backend may take it over.</param>
    IConditionalGenerator Generator(ConditionalVae architecture);

    /// <summary>FedAvg: the sample-weighted mean of the updates' state tensors, computed on this backend.</summary>
    /// <param name="updates">At least one update; all with the same names and shapes.</param>
    Dictionary<string, Tensor> Average(IReadOnlyList<ModelUpdate> updates);
}
