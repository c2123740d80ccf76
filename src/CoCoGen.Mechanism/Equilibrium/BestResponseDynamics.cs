using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>
/// Distributed best-response dynamics (TradeFL's DBR): organizations in turn play a best response,
/// found by a 1-D search of their own utility over [0, G_i], until a full sweep moves nobody by more
/// than the tolerance. Needs no potential, so it also serves the non-exact combination and w_i ≤ 0.
/// </summary>
public static class BestResponseDynamics
{
    /// <summary>A move must gain more than this × max(1, |U_i|): smaller "gains" are rounding noise of a
    /// flat maximum, and accepting them would keep the dynamics wandering.</summary>
    private const double ImprovementTolerance = 1e-12;

    /// <summary>Runs the dynamics from g = 0 (or <paramref name="start"/>), evaluates and certifies the result.</summary>
    /// <param name="scenario">Any valid scenario.</param>
    /// <param name="tolerance">Convergence threshold on the largest move in a sweep, in samples.</param>
    /// <param name="maxSweeps">Sweep cap.</param>
    /// <param name="start">Optional starting profile.</param>
    /// <param name="note">A note to carry in the result (e.g. why this solver was chosen).</param>
    public static EquilibriumResult Solve(
        Scenario scenario, double tolerance = 1e-4, int maxSweeps = 2_000, IReadOnlyList<double>? start = null, string note = "")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int n = scenario.Count;
        var g = start?.ToArray() ?? new double[n];
        var evaluator = new DeviationEvaluator(scenario);
        evaluator.Prepare(g);
        int sweeps = 0;
        double largestMove = double.PositiveInfinity;
        while (sweeps < maxSweeps && largestMove > tolerance)
        {
            sweeps++;
            largestMove = 0;
            for (int i = 0; i < n; i++)
            {
                int organization = i;
                (double best, double value) = IntervalMaximizer.Maximize(
                    gi => evaluator.Utility(organization, gi), 0, scenario.MaxSynthetic[i], 32);
                double current = evaluator.Utility(i);
                if (value > current + (ImprovementTolerance * Math.Max(1, Math.Abs(current))))
                {
                    largestMove = Math.Max(largestMove, Math.Abs(best - g[i]));
                    g[i] = best;
                    evaluator.Update(i, best);
                }
            }
        }

        if (largestMove > tolerance)
        {
            note = (note.Length > 0 ? note + "; " : string.Empty) + $"did not converge within {maxSweeps} sweeps";
        }

        return new EquilibriumResult(
            SolverKind.BestResponse,
            g,
            KktClassifier.Classify(g, scenario.MaxSynthetic),
            new OutcomeEvaluator(scenario).Evaluate(g),
            NashCertifier.Certify(scenario, g),
            sweeps,
            note);
    }
}
