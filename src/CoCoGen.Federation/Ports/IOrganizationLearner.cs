
namespace CoCoGen.Federation.Ports;

/// <summary>
/// The learning an organization does on its own data, inside its own process: raw samples never
/// cross this interface, only weights and counts.
/// </summary>
public interface IOrganizationLearner
{
    /// <summary>Number of real training samples this organization holds (D_i).</summary>
    long LocalSamples { get; }

    /// <summary>One local pass of conditional-generator training, starting from the shared generator weights.</summary>
    Task<LocalUpdate> TrainGeneratorAsync(ModelWeights generator, int pass, CancellationToken cancellationToken);

    /// <summary>
    /// Steps 1–3: synthesise <paramref name="syntheticSamples"/> samples (an equal number per class) with
    /// <paramref name="generator"/>, then train <paramref name="globalWeights"/> on the real plus synthetic data.
    /// </summary>
    Task<LocalUpdate> TrainAsync(ModelWeights globalWeights, ModelWeights generator, int syntheticSamples, int round, CancellationToken cancellationToken);
}
