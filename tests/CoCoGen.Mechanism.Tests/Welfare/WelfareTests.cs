using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Tests.Vectors;
using CoCoGen.Mechanism.Utility;
using CoCoGen.Mechanism.Welfare;

namespace CoCoGen.Mechanism.Tests.Welfare;

public class WelfareTests
{
    private static Scenario Example() =>
        ScenarioJsonReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "Examples", "fashion-mnist-10.json"));

    [Fact]
    public void Social_optimum_is_at_least_the_equilibrium_and_coordinatewise_optimal()
    {
        Scenario s = Example();
        EquilibriumResult equilibrium = EquilibriumSolver.Solve(s);
        SocialOptimumResult optimum = SocialOptimum.Solve(s, equilibrium);
        Assert.True(optimum.SocialWelfare >= equilibrium.Outcome.SocialWelfare);
        Assert.InRange(optimum.PriceOfAnarchy, 0, 1);
        var evaluator = new OutcomeEvaluator(s);
        double[] g = optimum.Generation.ToArray();
        for (int i = 0; i < s.Count; i++)
        {
            foreach (double probe in new[] { 0.0, 1500, 3000, 4500, 6000 })
            {
                double[] moved = (double[])g.Clone();
                moved[i] = probe;
                Assert.True(evaluator.SocialWelfare(moved) <= optimum.SocialWelfare + 1e-9);
            }
        }
    }

    [Fact]
    public void Tuned_gamma_respects_remark_1_and_beats_a_grid_of_rates()
    {
        Scenario s = ScenarioJsonReader.ReadFile(VectorFiles.Path("separable-performance-4.json"));
        GammaTuningResult tuned = GammaTuner.Tune(s);
        Assert.Equal(872.7, tuned.UpperBound);
        Assert.InRange(tuned.Gamma, 0, tuned.UpperBound);
        for (int k = 0; k <= 10; k++)
        {
            double welfare = EquilibriumSolver.Solve(s.WithGamma(tuned.UpperBound * k / 10)).Outcome.SocialWelfare;
            Assert.True(tuned.SocialWelfare >= welfare - 1e-9, $"γ = {tuned.UpperBound * k / 10}: {welfare} > {tuned.SocialWelfare}");
        }
    }

    [Fact]
    public void Participation_loop_drops_irrational_organizations_until_stable()
    {
        Scenario s = Example();
        double[] utilities = EquilibriumSolver.Solve(s).Outcome.Utilities.Order().ToArray();
        double fee = (utilities[1] + utilities[2]) / 2;
        Scenario costly = Scenario.Create(s.Parameters with { Fee = fee }, s.Organizations(), s.Competition, s.Weighting, null, s.LossCurveTable);

        ParticipationResult result = ParticipationLoop.Run(costly);

        Assert.NotEmpty(result.DroppedPerRound);
        Assert.Equal(10, result.Stayed.Count + result.DroppedPerRound.Sum(r => r.Count));
        Assert.NotNull(result.Equilibrium);
        Assert.All(result.Equilibrium!.Outcome.Utilities, u => Assert.True(u >= 0));
        Assert.Equal(result.Stayed.Count, result.Scenario!.Count);
    }
}
