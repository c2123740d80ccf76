using CoCoGen.Mechanism.Baselines;
using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Tests.Vectors;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Tests.Baselines;

public class BaselineEvaluatorTests
{
    [Fact]
    public void Baselines_are_scored_as_tabled_in_the_model()
    {
        Scenario s = ScenarioJsonReader.ReadFile(VectorFiles.Path("separable-performance-4.json"));
        EquilibriumResult equilibrium = EquilibriumSolver.Solve(s);
        var scores = BaselineEvaluator.Evaluate(s, equilibrium, seed: 3).ToDictionary(b => b.Kind);

        Assert.Equal(equilibrium.Outcome.SocialWelfare, scores[BaselineKind.CoCoGenPlus].SocialWelfare, 9);
        Assert.All(scores[BaselineKind.Wdg].Generation, g => Assert.Equal(0, g));
        Assert.All(scores[BaselineKind.Madg].Generation, g => Assert.Equal(6000, g));
        Assert.All(scores[BaselineKind.Radg].Generation, g => Assert.InRange(g, 0, 6000));
        Assert.Equal(scores[BaselineKind.Radg].Generation, BaselineEvaluator.Evaluate(s, equilibrium, seed: 3).Single(b => b.Kind == BaselineKind.Radg).Generation);

        var full = new OutcomeEvaluator(s);
        Assert.Equal(full.SocialWelfare(new double[4]), scores[BaselineKind.Wdg].SocialWelfare, 9);
        Assert.Equal(full.SocialWelfare([6000, 6000, 6000, 6000]), scores[BaselineKind.Madg].SocialWelfare, 9);

        // VCFL: no generation, no competition and no redistribution: SW = Σ p_i (L0 − L(0)) − Σ C_i(0).
        Outcome atZero = full.Evaluate(new double[4]);
        double vanilla = atZero.Revenue.Sum() - atZero.Cost.Sum();
        Assert.Equal(vanilla, scores[BaselineKind.Vcfl].SocialWelfare, 9);

        // WCO: with ρ = 0 the closed form has w_i = p_i.
        Scenario noCompetition = s.WithCompetition(new UniformCompetition(4, 0));
        Assert.Equal(ClosedFormSolver.Solve(noCompetition).Generation, scores[BaselineKind.Wco].Generation);
    }
}
