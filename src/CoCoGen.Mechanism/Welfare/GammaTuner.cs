using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Welfare;

/// <summary>
/// TradeFL's γ*: the γ ∈ [0, min φ_j] maximising social welfare at equilibrium, by a grid plus
/// golden-section search with the equilibrium re-solved at every point (model.md §6).
/// </summary>
public static class GammaTuner
{
    /// <summary>Searches γ; <paramref name="gridIntervals"/> cells before the golden refinement.</summary>
    public static GammaTuningResult Tune(Scenario scenario, int gridIntervals = 20)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double upper = double.PositiveInfinity;
        foreach (double phi in scenario.RivalRate)
        {
            upper = Math.Min(upper, phi);
        }

        (double gamma, double welfare) = IntervalMaximizer.Maximize(
            gamma => EquilibriumSolver.Solve(scenario.WithGamma(gamma)).Outcome.SocialWelfare,
            0,
            upper,
            gridIntervals,
            1e-6);
        return new GammaTuningResult(gamma, welfare, upper);
    }
}
