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
    public void AveragedProbesAndADecayingStepSettleWhereOneNoisyProbeOscillates()
    {
        // Example 4 (NE of M^Shap ≈ (3.00, 1.17)) with probe noise σ = 5·10⁻⁵ per model value: one probe's
        // derivative estimate W·Δφ/ε has a standard deviation of 10·(5·10⁻⁵/√2)/10⁻³ ≈ 0.35 (each of the two
        // coalitions holding agent i enters φ_i with weight 1/2), above the costs (0.1, 0.25) that set the NE.
        var instance = PaperExampleTests.TwoAgents();
        const int stage = 10;
        const int iterations = 3000;
        static double Spread(FedBrShapResult result, int agent) =>
            result.Stages.TakeLast(50).Max(s => s.Samples[agent]) - result.Stages.TakeLast(50).Min(s => s.Samples[agent]);

        var raw = new FedBrShapProtocol(iterations, stage, StepSize: 2, Epsilon: 1e-3)
            .Run(new NoisyProbeOracle(instance, 1.0 / stage, sigma: 5e-5, seed: 7), instance.Costs);
        var settled = new FedBrShapProtocol(iterations, stage, StepSize: 2, Epsilon: 1e-3, Probes: 16, StepDecay: 100)
            .Run(new NoisyProbeOracle(instance, 1.0 / stage, sigma: 5e-5, seed: 7), instance.Costs);

        Assert.True(Spread(raw, 0) > 2, $"one probe, constant step: agent 1 spans {Spread(raw, 0):F3} samples over the last 50 stages");
        for (int i = 0; i < 2; i++)
        {
            Assert.True(Spread(settled, i) < 0.25, $"16 probes, δ_t = δ·100/(99 + t): agent {i + 1} spans {Spread(settled, i):F3} samples over the last 50 stages");
        }

        Assert.Equal(3.0, settled.Samples[0], 0.2);
        Assert.Equal(1.17, settled.Samples[1], 0.2);
        Assert.All(settled.Stages, s => Assert.Equal(0, s.Payments.Sum(), 12));
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

    [Fact]
    public void RejectsNoProbesAndANonPositiveStepDecay()
    {
        var instance = PaperExampleTests.TwoAgents();
        var oracle = new StationaryGainOracle(instance, 0.1);
        Assert.Contains("probes", Assert.Throws<ArgumentException>(() => new FedBrShapProtocol(10, 5, 1, 0.5, Probes: 0).Run(oracle, instance.Costs)).Message, StringComparison.Ordinal);
        Assert.Contains("stepDecay", Assert.Throws<ArgumentException>(() => new FedBrShapProtocol(10, 5, 1, 0.5, StepDecay: 0).Run(oracle, instance.Costs)).Message, StringComparison.Ordinal);
    }
}
