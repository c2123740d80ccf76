using CoCoGen.Learning.Data;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>Builds the label-skewed Fashion-MNIST federation of <see cref="FederationTrainingSettings"/> and its FedBR-Shap oracle.</summary>
public static class FashionMnistFederation
{
    /// <summary>The classes of agent <paramref name="agent"/>'s own block when the ten classes are cut into <paramref name="agents"/> blocks.</summary>
    public static int[] HomeClasses(int agent, int agents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agents);
        ArgumentOutOfRangeException.ThrowIfNegative(agent);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(agent, agents);
        int first = agent * FashionMnist.ClassCount / agents;
        int end = (agent + 1) * FashionMnist.ClassCount / agents;
        return [.. Enumerable.Range(first, end - first)];
    }

    /// <summary>
    /// Draws every agent's data and returns the oracle over it, starting from the seeded initial LeNet-5. Agent i's
    /// own classes are block i of Agents blocks, or, when <paramref name="groups"/> is given, block groups[i] of
    /// max(groups) + 1 blocks (agents of one group share their classes, as in the grouped instances of Section 5.1).
    /// </summary>
    public static FederatedCoalitionOracle CreateOracle(ImageDataset train, ImageDataset test, FederationTrainingSettings settings, IReadOnlyList<int>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(grouped: groups is not null);
        if (groups is not null && (groups.Count != settings.Agents || groups.Any(g => g is < 0 or >= FashionMnist.ClassCount)))
        {
            throw new ArgumentException($"groups: need one group in [0, {FashionMnist.ClassCount}) per agent ({settings.Agents}).");
        }

        int blocks = groups is null ? settings.Agents : groups.Max() + 1;
        var trainSampler = new LabelSkewSampler(train, settings.Seed);
        var testSampler = new LabelSkewSampler(test, settings.Seed + 1);
        var trainSets = new List<ImageDataset>();
        var testSets = new List<ImageDataset>();
        for (int i = 0; i < settings.Agents; i++)
        {
            var home = HomeClasses(groups?[i] ?? i, blocks);
            trainSets.Add(trainSampler.Take(settings.TrainPerAgent, home, settings.HomeFraction));
            testSets.Add(testSampler.Take(settings.TestPerAgent, home, settings.HomeFraction));
        }

        return new FederatedCoalitionOracle(new LeNetWorkspace(settings.LearningRate, settings.BatchSize, settings.Seed), trainSets, testSets, settings.Seed);
    }
}
