namespace CoCoGen.Mechanism.Tests.ReciprocalFairness;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.ReciprocalFairness;

public class FedBrShapTests
{
    [Fact]
    public void ConvergesToTheMShapEquilibriumUnderAssumptionF1AndBalancesEveryStage()
    {
        var instance = PaperExampleTests.TwoAgents();
        const int stage = 10;
        var oracle = new StationaryGainOracle(instance, rate: 1.0 / stage);
        var protocol = new FedBrShapProtocol(Iterations: 4000, StageLength: stage, StepSize: 2, Epsilon: 1e-3);
        var result = protocol.Run(oracle, instance.Costs);
        Assert.Equal(3.0, result.Samples[0], 1);
        Assert.Equal(1.17, result.Samples[1], 1);
        Assert.Equal(400, result.Stages.Count);
        foreach (var s in result.Stages)
        {
            Assert.Equal(0, s.Payments.Sum(), 12);
        }
    }

    [Fact]
    public void StageShapleySharesAddUpToTheStageAccuracyGain()
    {
        var instance = ShapleyValueTests.RandomGrouped(4, 4, 2);
        var oracle = new StationaryGainOracle(instance, rate: 0.01);
        var result = new FedBrShapProtocol(Iterations: 30, StageLength: 5, StepSize: 100, Epsilon: 0.5).Run(oracle, instance.Costs);
        var previous = new double[4];
        foreach (var s in result.Stages)
        {
            double gain = s.Accuracies.Sum() - previous.Sum();
            Assert.Equal(gain, s.Shapley.Sum(), 12);
            previous = s.Accuracies.ToArray();
        }

        Assert.All(result.Samples, x => Assert.InRange(x, 0, 200));
    }

    [Fact]
    public void RejectsAnEpsilonOutsideTheUnitInterval()
    {
        var instance = PaperExampleTests.TwoAgents();
        var error = Assert.Throws<ArgumentException>(() =>
            new FedBrShapProtocol(10, 5, 1, 1.5).Run(new StationaryGainOracle(instance, 0.1), instance.Costs));
        Assert.Contains("epsilon", error.Message, StringComparison.Ordinal);
    }
}
