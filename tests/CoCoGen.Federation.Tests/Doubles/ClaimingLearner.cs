using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>A learner that trains like <paramref name="inner"/> but claims <paramref name="claim"/> real and synthetic samples.</summary>
internal sealed class ClaimingLearner(IOrganizationLearner inner, long claim) : IOrganizationLearner
{
    public long LocalSamples => inner.LocalSamples;

    public async Task<LocalUpdate> TrainGeneratorAsync(ModelWeights generator, int pass, CancellationToken cancellationToken) =>
        (await inner.TrainGeneratorAsync(generator, pass, cancellationToken)) with { LocalSamples = claim };

    public async Task<LocalUpdate> TrainAsync(ModelWeights globalWeights, ModelWeights generator, int syntheticSamples, int round, CancellationToken cancellationToken) =>
        (await inner.TrainAsync(globalWeights, generator, syntheticSamples, round, cancellationToken)) with { LocalSamples = claim, SyntheticSamples = claim };
}
