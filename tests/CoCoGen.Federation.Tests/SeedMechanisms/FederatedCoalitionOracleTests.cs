using CoCoGen.Federation.Adapters.SeedMechanisms;
using CoCoGen.Mechanism.ReciprocalFairness;

namespace CoCoGen.Federation.Tests.SeedMechanisms;

[Collection(FashionMnistGroup.Name)]
public sealed class FederatedCoalitionOracleTests(FashionMnistFixture data)
{
    private static readonly FederationTrainingSettings Tiny = new(Agents: 3, TrainPerAgent: 160, TestPerAgent: 60, BatchSize: 16, Seed: 3);

    [Fact]
    public void FedBrShapOnRealTrainingBalancesEveryStageAndLearns()
    {
        var oracle = FashionMnistFederation.CreateOracle(data.Train, data.Test, Tiny);
        double before = oracle.GlobalAccuracies.Average();
        var costs = Enumerable.Repeat(new AgentCost(0.01, 0, 10), 3).ToArray();
        var protocol = new FedBrShapProtocol(Iterations: 6, StageLength: 3, StepSize: 1, Epsilon: 0.5, InitialSamples: [6, 6, 6]);

        var result = protocol.Run(oracle, costs);

        Assert.Equal(2, result.Stages.Count);
        foreach (var stage in result.Stages)
        {
            Assert.True(Math.Abs(stage.Payments.Sum()) < 1e-9, $"stage {stage.Stage}: payments sum to {stage.Payments.Sum()}");
            Assert.All(stage.Samples, s => Assert.InRange(s, 0, 10));
        }

        double after = result.Stages[^1].Accuracies.Average();
        Assert.True(after > 0.3, $"average accuracy {after} after 6 iterations is not above chance (0.1) by a margin");
        Assert.True(after > before, $"training did not improve the global model: {before} → {after}");
        Assert.Equal(6, oracle.Iteration);
    }

    [Fact]
    public void CommittingMakesTheGrandCoalitionsModelGlobal()
    {
        var oracle = FashionMnistFederation.CreateOracle(data.Train, data.Test, Tiny with { Agents = 2 });
        double start = oracle.GlobalAccuracies.Sum();
        var round = oracle.Train([3, 1], 0.5, probes: 1);
        double grand = round.CumulativeAccuracy(0b11);
        double empty = round.CumulativeAccuracy(0);

        var committed = round.Commit();

        Assert.Equal(grand, committed.Sum(), 12);
        Assert.Equal(start, empty, 12);
        Assert.Equal(committed, oracle.GlobalAccuracies);
        Assert.Throws<InvalidOperationException>(() => round.Commit());
    }

    [Fact]
    public void AProbeOutsideItsCoalitionIsRejected()
    {
        var oracle = FashionMnistFederation.CreateOracle(data.Train, data.Test, Tiny with { Agents = 2 });
        var round = oracle.Train([1, 1], 0.5, probes: 1);
        Assert.Throws<ArgumentException>(() => round.CumulativeAccuracyWithProbe(0b01, 1, 0));
    }

    [Fact]
    public void AnEpsilonBelowOneSampleIsRejectedNamingTheField()
    {
        var oracle = FashionMnistFederation.CreateOracle(data.Train, data.Test, Tiny with { Agents = 2 });
        var error = Assert.Throws<ArgumentException>(() => oracle.Train([1, 1], 0.01, probes: 1));
        Assert.StartsWith("epsilon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HomeClassesCutTheTenClassesIntoContiguousBlocks()
    {
        Assert.Equal([0, 1, 2], FashionMnistFederation.HomeClasses(0, 3));
        Assert.Equal([3, 4, 5], FashionMnistFederation.HomeClasses(1, 3));
        Assert.Equal([6, 7, 8, 9], FashionMnistFederation.HomeClasses(2, 3));
    }
}
