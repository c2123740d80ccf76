using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Backends;

/// <summary>
/// A conditional VAE placed on a backend. The reparameterisation noise always comes from the caller's
/// <see cref="RandomSource"/>, drawn in the same order on every backend, so a seed means the same noise everywhere.
/// </summary>
public interface IConditionalGenerator : IDisposable
{
    /// <summary>Encoder and decoder state ("encoder.*", "decoder.*"), as <see cref="IClassifier.State"/>.</summary>
    IReadOnlyList<(string Name, Tensor Tensor)> State();

    /// <summary>Replaces the state.</summary>
    /// <param name="state">Tensors by state-dict name.</param>
    void LoadState(IReadOnlyDictionary<string, Tensor> state);

    /// <summary>Starts a training session: Adam with fresh moments, on the negative evidence lower bound.</summary>
    /// <param name="learningRate">Adam's step size.</param>
    /// <param name="noise">Source of ε, drawn batch by batch.</param>
    IGeneratorTraining StartTraining(float learningRate, RandomSource noise);

    /// <summary>Decodes z ~ N(0, I) (drawn from <paramref name="noise"/>) with each label into sigmoid images [n, C, S, S].</summary>
    /// <param name="labels">One class per image.</param>
    /// <param name="noise">Source of z.</param>
    Tensor Sample(ReadOnlySpan<int> labels, RandomSource noise);
}
