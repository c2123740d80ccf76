using System.Globalization;
using CoCoGen.Mechanism.Baselines;
using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Sweeps;

/// <summary>
/// Runs the sweeps behind the paper's Figs 4, 5 and 7 on one scenario. ρ̄ is applied by rescaling the
/// scenario's raw matrix to that mean (clipped to [0, 1]); α by swapping in the table's loss curves.
/// </summary>
public static class SweepRunner
{
    /// <summary>The mean intensities of the paper's experiments.</summary>
    public static IReadOnlyList<double> RhoLevels { get; } = [0.1, 0.5, 0.9];

    /// <summary>Number of γ cells between 0 and min φ in a γ sweep.</summary>
    public const int GammaIntervals = 10;

    /// <summary>Runs the sweep over <paramref name="axis"/>; <paramref name="seed"/> drives RaDG.</summary>
    public static SweepResult Run(Scenario scenario, SweepAxis axis, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        IReadOnlyList<LossCurveTableEntry?> levels = AlphaLevels(scenario, axis);
        var points = new List<SweepPoint>();
        switch (axis)
        {
            case SweepAxis.Rho:
                foreach (LossCurveTableEntry? level in levels)
                {
                    foreach (double rho in RhoLevels)
                    {
                        points.Add(Point(AtRho(WithLevel(scenario, level), rho), AlphaLabel(level), rho, level, seed));
                    }
                }

                break;
            case SweepAxis.Alpha:
                foreach (double rho in RhoLevels)
                {
                    foreach (LossCurveTableEntry? level in levels)
                    {
                        points.Add(Point(AtRho(WithLevel(scenario, level), rho), $"rho={Format(rho)}", level!.Alpha, level, seed));
                    }
                }

                break;
            default:
                double upper = scenario.RivalRate.ToArray().Min();
                foreach (LossCurveTableEntry? level in levels)
                {
                    Scenario leveled = WithLevel(scenario, level);
                    for (int k = 0; k <= GammaIntervals; k++)
                    {
                        double gamma = upper * k / GammaIntervals;
                        points.Add(Point(leveled.WithGamma(gamma), AlphaLabel(level), gamma, level, seed));
                    }
                }

                break;
        }

        return new SweepResult(axis, points, scenario.LossCurveTable?.Source ?? "the scenario's own loss curves");
    }

    private static LossCurveTableEntry?[] AlphaLevels(Scenario scenario, SweepAxis axis)
    {
        if (scenario.LossCurveTable is { } table)
        {
            return table.Entries.ToArray();
        }

        if (axis == SweepAxis.Alpha)
        {
            throw new ScenarioValidationException("lossCurveTable is required to sweep over alpha (loss curves per α).");
        }

        return [null];
    }

    private static Scenario WithLevel(Scenario scenario, LossCurveTableEntry? level) =>
        level is null ? scenario : scenario.WithLossCurves(level);

    private static Scenario AtRho(Scenario scenario, double rho) =>
        scenario.WithCompetition(scenario.Competition.WithMeanIntensity(rho));

    private static SweepPoint Point(Scenario scenario, string series, double x, LossCurveTableEntry? level, int seed)
    {
        EquilibriumResult equilibrium = EquilibriumSolver.Solve(scenario);
        IReadOnlyList<BaselineScore> baselines = BaselineEvaluator.Evaluate(scenario, equilibrium, seed);
        return new SweepPoint(
            series,
            x,
            scenario.Competition.MeanIntensity,
            level?.Alpha ?? double.NaN,
            scenario.Parameters.Gamma,
            equilibrium.Solver,
            equilibrium.Outcome.AverageGeneration,
            equilibrium.Outcome.SocialWelfare,
            equilibrium.Certificate.Holds,
            baselines);
    }

    private static string AlphaLabel(LossCurveTableEntry? level) =>
        level is null ? "scenario" : $"alpha={Format(level.Alpha)}";

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
