using System.Text.Json;
using System.Text.Json.Nodes;
using CoCoGen.Federation.Adapters.Transport;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// Which settings every process of the distributed shape must share, and which may differ (docs/transport.md,
/// "Agreement on the run"). Shared: the dataset and its split (corpus, organizations, α, seed, sample counts),
/// training (epochs, batch, rates), the protocol's rule and rounds, the economics (mechanism, bond, wei per unit,
/// window), the chain id and the consortium's roster. Per process: backend, device, threads, data and cache
/// locations, calibration folder, timeouts, parallelism, run directory, RPC URL and keys.
/// </summary>
public static class RunAgreement
{
    /// <summary>The shared settings of <paramref name="settings"/> and <paramref name="consortium"/>, canonical.</summary>
    public static AgreedSettings Of(FederationSettings settings, ConsortiumOptions consortium)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(consortium);
        var learning = settings.Learning;
        var protocol = settings.Protocol;
        var mechanism = JsonSerializer.SerializeToNode(settings.Mechanism)!.AsObject();
        mechanism.Remove(nameof(settings.Mechanism.Calibration));
        var agreed = new JsonObject
        {
            ["Learning"] = new JsonObject
            {
                [nameof(learning.Corpus)] = learning.Corpus,
                [nameof(learning.Model)] = learning.Model,
                [nameof(learning.Organizations)] = learning.Organizations,
                [nameof(learning.Alpha)] = learning.Alpha,
                [nameof(learning.Seed)] = learning.Seed,
                [nameof(learning.TrainSamples)] = learning.TrainSamples,
                [nameof(learning.TestSamples)] = learning.TestSamples,
                [nameof(learning.LocalEpochs)] = learning.LocalEpochs,
                [nameof(learning.BatchSize)] = learning.BatchSize,
                [nameof(learning.LearningRate)] = learning.LearningRate,
                [nameof(learning.Momentum)] = learning.Momentum,
                [nameof(learning.GeneratorEpochs)] = learning.GeneratorEpochs,
                [nameof(learning.GeneratorSamples)] = learning.GeneratorSamples,
                [nameof(learning.GeneratorLearningRate)] = learning.GeneratorLearningRate,
            },
            ["Protocol"] = new JsonObject
            {
                [nameof(protocol.Rounds)] = protocol.Rounds,
                [nameof(protocol.GeneratorSteps)] = protocol.GeneratorSteps,
                [nameof(protocol.UpdateNormFactor)] = protocol.UpdateNormFactor,
                [nameof(protocol.BondEther)] = protocol.BondEther,
                [nameof(protocol.WeiPerUnit)] = protocol.WeiPerUnit,
                [nameof(protocol.Settlement)] = new JsonObject
                {
                    [nameof(protocol.Settlement.CommitTimeoutSeconds)] = protocol.Settlement.CommitTimeoutSeconds,
                    [nameof(protocol.Settlement.ChallengeWindowSeconds)] = protocol.Settlement.ChallengeWindowSeconds,
                    [nameof(protocol.Settlement.AbsenceTimeoutSeconds)] = protocol.Settlement.AbsenceTimeoutSeconds,
                    [nameof(protocol.Settlement.MinBondEther)] = protocol.Settlement.MinBondEther,
                    [nameof(protocol.Settlement.DebitCapEther)] = protocol.Settlement.DebitCapEther,
                    [nameof(protocol.Settlement.ChallengeStakeEther)] = protocol.Settlement.ChallengeStakeEther,
                    [nameof(protocol.Settlement.CoordinatorBondEther)] = protocol.Settlement.CoordinatorBondEther,
                },
            },
            ["Mechanism"] = mechanism,
            ["Chain"] = new JsonObject { [nameof(settings.Chain.ChainId)] = settings.Chain.ChainId },
            ["Consortium"] = new JsonObject
            {
                [nameof(consortium.CoordinatorAddress)] = consortium.CoordinatorAddress?.ToLowerInvariant(),
                [nameof(consortium.Roster)] = new JsonArray(consortium.Roster.Select(m => (JsonNode)new JsonObject
                {
                    [nameof(m.Organization)] = m.Organization,
                    [nameof(m.Address)] = m.Address?.ToLowerInvariant(),
                    [nameof(m.LocalSamples)] = m.LocalSamples,
                }).ToArray()),
            },
        };
        return new AgreedSettings(agreed.ToJsonString());
    }
}
