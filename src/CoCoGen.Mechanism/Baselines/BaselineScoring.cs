using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Baselines;

/// <summary>The scenario each decision rule is scored under (model.md §7's "scored with" column).</summary>
public static class BaselineScoring
{
    /// <summary>
    /// VCFL: no competition and no redistribution (ρ = 0, γ = 0); WCO: no competition (ρ = 0); every other rule: the
    /// full utility of <paramref name="scenario"/>.
    /// </summary>
    public static Scenario ScenarioFor(BaselineKind kind, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int n = scenario.Count;
        return kind switch
        {
            BaselineKind.Vcfl => Scenario.Create(
                scenario.Parameters with { Gamma = 0 },
                scenario.Organizations(),
                new UniformCompetition(n, 0),
                scenario.Weighting,
                scenario.Weighting == LossWeighting.Explicit ? scenario.LossWeights.ToArray() : null,
                scenario.LossCurveTable,
                scenario.Options),
            BaselineKind.Wco => scenario.WithCompetition(new UniformCompetition(n, 0)),
            BaselineKind.CoCoGenPlus or BaselineKind.Wdg or BaselineKind.Radg or BaselineKind.Madg => scenario,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown decision rule."),
        };
    }
}
