using CoCoGen.Mechanism.Potential;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>
/// Maximises the weighted potential Φ over the box [0, G] with MathNet's BFGS-B, knowing nothing of
/// the model's structure beyond Φ and ∇Φ. Variables are scaled to u = g / G ∈ [0, 1] and Φ by its
/// initial gradient so the optimiser's tolerances are meaningful. Φ need not be concave (fedavg), so
/// BFGS-B can stop at a local maximum; each run is therefore followed by a coordinate-wise global check
/// (a 1-D grid search of Φ along every axis), and BFGS-B restarts from any point that check improves.
/// Because U_i moves with w_i Φ along axis i, the result has no profitable unilateral deviation.
/// </summary>
public static class PotentialMaximizer
{
    private const int MaxRestarts = 50;
    private const double ImprovementTolerance = 1e-12;

    /// <summary>Solves, evaluates the outcome and certifies it. Throws when the scenario has no potential.</summary>
    public static EquilibriumResult Solve(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        WeightedPotential potential = WeightedPotential.Create(scenario);
        int n = scenario.Count;
        double[] caps = scenario.MaxSynthetic.ToArray();
        var g = new double[n];
        var gradient = new double[n];
        Vector<double> start = Vector<double>.Build.Dense(n, 0.0);
        ToStrategy(start, caps, g);
        potential.Gradient(g, gradient);
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(gradient[i] * caps[i]));
        }

        scale = scale > 0 ? scale : 1;

        (double, Vector<double>) Objective(Vector<double> u)
        {
            ToStrategy(u, caps, g);
            double value = -potential.Value(g) / scale;
            potential.Gradient(g, gradient);
            Vector<double> grad = Vector<double>.Build.Dense(n, k => -gradient[k] * caps[k] / scale);
            return (value, grad);
        }

        var minimizer = new BfgsBMinimizer(1e-13, 1e-15, 1e-16, 10_000);
        Vector<double> lower = Vector<double>.Build.Dense(n, 0.0);
        Vector<double> upper = Vector<double>.Build.Dense(n, 1.0);
        int iterations = 0;
        var solution = new double[n];
        for (int round = 0; round < MaxRestarts; round++)
        {
            MinimizationResult result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Objective), lower, upper, start);
            iterations += result.Iterations;
            ToStrategy(result.MinimizingPoint, caps, solution);
            if (!ImproveAlongAxes(potential, solution, caps))
            {
                break;
            }

            start = Vector<double>.Build.Dense(n, k => solution[k] / caps[k]);
        }

        return new EquilibriumResult(
            SolverKind.PotentialMaximizer,
            solution,
            KktClassifier.Classify(solution, caps),
            new OutcomeEvaluator(scenario).Evaluate(solution),
            NashCertifier.Certify(scenario, solution),
            iterations,
            string.Empty);
    }

    /// <summary>Moves each coordinate to its 1-D global maximum of Φ if that beats the current value.</summary>
    private static bool ImproveAlongAxes(WeightedPotential potential, double[] g, double[] caps)
    {
        bool improved = false;
        for (int i = 0; i < g.Length; i++)
        {
            double current = g[i];
            double baseline = potential.Value(g);
            int axis = i;
            (double best, double value) = IntervalMaximizer.Maximize(
                x =>
                {
                    g[axis] = x;
                    double v = potential.Value(g);
                    g[axis] = current;
                    return v;
                },
                0,
                caps[i],
                32);
            if (value > baseline + (ImprovementTolerance * Math.Max(1, Math.Abs(baseline))))
            {
                g[i] = best;
                improved = true;
            }
        }

        return improved;
    }

    private static void ToStrategy(Vector<double> u, double[] caps, double[] g)
    {
        for (int i = 0; i < g.Length; i++)
        {
            g[i] = Math.Clamp(u[i], 0, 1) * caps[i];
        }
    }
}
