
namespace CoCoGen.Federation.Ports;

/// <summary>An organization's update: new weights and what it may say about how it got them.</summary>
/// <param name="Weights">Locally trained weights.</param>
/// <param name="LocalSamples">Real samples trained on.</param>
/// <param name="SyntheticSamples">Synthetic samples trained on.</param>
/// <param name="TrainingLoss">Mean training loss of the last local epoch.</param>
/// <param name="SynthesisSeconds">Wall time spent generating synthetic samples.</param>
/// <param name="TrainingSeconds">Wall time spent training.</param>
public sealed record LocalUpdate(
    ModelWeights Weights,
    long LocalSamples,
    long SyntheticSamples,
    double TrainingLoss,
    double SynthesisSeconds,
    double TrainingSeconds);
