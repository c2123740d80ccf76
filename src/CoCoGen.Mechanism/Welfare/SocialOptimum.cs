using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Welfare;

/// <summary>
/// Maximises SW(g) over the box [0, G] by cyclic coordinate ascent, each coordinate by a global 1-D
/// search, starting from the equilibrium so the optimum found is never below it. For the separable
/// loss SW is a sum of one-variable terms, so one cycle is exact; for fedavg it is a local optimum.
/// </summary>
public static class SocialOptimum
{
    /// <summary>Finds the welfare-maximising profile and compares it with <paramref name="equilibrium"/>.</summary>
    public static SocialOptimumResult Solve(Scenario scenario, EquilibriumResult equilibrium, int maxCycles = 100)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(equilibrium);
        var evaluator = new OutcomeEvaluator(scenario);
        double[] g = equilibrium.Generation.ToArray();
        double welfare = evaluator.SocialWelfare(g);
        for (int cycle = 0; cycle < maxCycles; cycle++)
        {
            double before = welfare;
            for (int i = 0; i < g.Length; i++)
            {
                int axis = i;
                double current = g[i];
                (double best, double value) = IntervalMaximizer.Maximize(
                    x =>
                    {
                        g[axis] = x;
                        double v = evaluator.SocialWelfare(g);
                        g[axis] = current;
                        return v;
                    },
                    0,
                    scenario.MaxSynthetic[i],
                    32);
                if (value > welfare)
                {
                    g[i] = best;
                    welfare = value;
                }
            }

            if (welfare - before <= 1e-12 * Math.Max(1, Math.Abs(welfare)))
            {
                break;
            }
        }

        return new SocialOptimumResult(g, welfare, equilibrium.Outcome.SocialWelfare);
    }
}
