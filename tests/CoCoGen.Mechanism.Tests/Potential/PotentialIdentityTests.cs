using CoCoGen.Mechanism.Potential;
using CoCoGen.Mechanism.Sampling;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Tests.Potential;

public class PotentialIdentityTests
{
    public static TheoryData<GlobalLossModel, ContributionMeasure> ExactCombinations() => new()
    {
        { GlobalLossModel.Separable, ContributionMeasure.Performance },
        { GlobalLossModel.Separable, ContributionMeasure.Data },
        { GlobalLossModel.FedAvg, ContributionMeasure.Data },
    };

    [Theory]
    [MemberData(nameof(ExactCombinations))]
    public void Unilateral_change_of_utility_equals_weight_times_change_of_potential(GlobalLossModel loss, ContributionMeasure contribution)
    {
        var generator = new RandomScenarioGenerator(seed: 1000 + (int)loss * 10 + (int)contribution);
        var random = new Random(7);
        int checkedDeviations = 0;
        double worst = 0;
        for (int instance = 0; instance < 1000; instance++)
        {
            Scenario scenario = generator.Next(2 + random.Next(7), loss, contribution);
            WeightedPotential potential = WeightedPotential.Create(scenario);
            var evaluator = new OutcomeEvaluator(scenario);
            double[] g = Enumerable.Range(0, scenario.Count).Select(i => random.NextDouble() * scenario.MaxSynthetic[i]).ToArray();
            int i = random.Next(scenario.Count);
            double[] deviated = (double[])g.Clone();
            // A deviation of at least 5% of the range keeps |ΔU| well above the rounding of U itself.
            do
            {
                deviated[i] = random.NextDouble() * scenario.MaxSynthetic[i];
            }
            while (Math.Abs(deviated[i] - g[i]) < 0.05 * scenario.MaxSynthetic[i]);

            double utilityChange = evaluator.Evaluate(deviated).Utilities[i] - evaluator.Evaluate(g).Utilities[i];
            double potentialChange = potential.Weights[i] * (potential.Value(deviated) - potential.Value(g));
            double error = Math.Abs(utilityChange - potentialChange) / Math.Abs(utilityChange);
            worst = Math.Max(worst, error);
            checkedDeviations++;
        }

        Assert.Equal(1000, checkedDeviations);
        Assert.True(worst <= 1e-9, $"worst relative error {worst:G3}");
    }

    [Fact]
    public void Fedavg_with_performance_contribution_has_no_potential()
    {
        Scenario scenario = new RandomScenarioGenerator(3).Next(4, GlobalLossModel.FedAvg, ContributionMeasure.Performance, requirePotential: false);
        Assert.False(WeightedPotential.TryCreate(scenario, out _, out string reason));
        Assert.Contains("not a weighted potential game", reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExactCombinations))]
    public void Gradient_matches_central_differences_of_the_potential(GlobalLossModel loss, ContributionMeasure contribution)
    {
        var generator = new RandomScenarioGenerator(55);
        for (int instance = 0; instance < 20; instance++)
        {
            Scenario scenario = generator.Next(5, loss, contribution);
            WeightedPotential potential = WeightedPotential.Create(scenario);
            double[] g = Enumerable.Range(0, 5).Select(i => 100 + (i * 1000.0)).ToArray();
            var gradient = new double[5];
            potential.Gradient(g, gradient);
            for (int i = 0; i < 5; i++)
            {
                double h = 1e-2;
                double[] up = (double[])g.Clone();
                double[] down = (double[])g.Clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (potential.Value(up) - potential.Value(down)) / (2 * h);
                Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-5 * Math.Abs(gradient[i]) + 1e-12, $"dΦ/dg[{i}] {gradient[i]} vs {numeric}");
            }
        }
    }
}
