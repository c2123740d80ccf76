using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Baselines;

/// <summary>Scores CoCoGen+ and the five baselines exactly as tabled in model.md §7.</summary>
public static class BaselineEvaluator
{
    /// <summary>Every rule's profile and welfare; <paramref name="seed"/> drives RaDG.</summary>
    public static IReadOnlyList<BaselineScore> Evaluate(Scenario scenario, EquilibriumResult equilibrium, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(equilibrium);
        int n = scenario.Count;
        var full = new OutcomeEvaluator(scenario);
        var zero = new double[n];
        double[] max = scenario.MaxSynthetic.ToArray();
        var random = new Random(seed);
        double[] randomProfile = max.Select(cap => random.NextDouble() * cap).ToArray();
        Scenario noCompetition = BaselineScoring.ScenarioFor(BaselineKind.Wco, scenario);
        Scenario vanilla = BaselineScoring.ScenarioFor(BaselineKind.Vcfl, scenario);
        EquilibriumResult withoutCompetition = EquilibriumSolver.Solve(noCompetition);

        BaselineScore Score(BaselineKind kind, IReadOnlyList<double> g, OutcomeEvaluator evaluator) =>
            new(kind, g, evaluator.SocialWelfare(g.ToArray()), g.Average());

        return
        [
            Score(BaselineKind.CoCoGenPlus, equilibrium.Generation, full),
            Score(BaselineKind.Vcfl, zero, new OutcomeEvaluator(vanilla)),
            Score(BaselineKind.Wco, withoutCompetition.Generation, new OutcomeEvaluator(noCompetition)),
            Score(BaselineKind.Wdg, zero, full),
            Score(BaselineKind.Radg, randomProfile, full),
            Score(BaselineKind.Madg, max, full),
        ];
    }
}
