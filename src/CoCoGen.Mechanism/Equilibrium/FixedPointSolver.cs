using CoCoGen.Mechanism.Potential;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>
/// Damped fixed-point iteration for the fedavg global loss with data contribution (model.md §5). Each
/// step reads the aggregates M = Σ n_m and S = Σ n_m ℓ_m(n_m) (so Λ = S / M) and lets every
/// organization respond to the others' share of them: the roots of its stationarity condition
/// a_i(1 − b_i) n^(−b_i) + c_i = Λ − (β_i + k_i) M / (ξ p_i), with its own n inside M and Λ, are compared
/// with the two bounds (scenarios 1 and 2) and the best is taken. The comparison matters: with
/// realistic parameters the root is often a local minimum of U_i, so the plain clipped root would
/// not be an equilibrium. The profile then moves a damped step towards these responses; if the damped
/// steps stall (responses jumping between bounds can cycle), the iteration continues with sequential
/// undamped responses.
/// </summary>
public static class FixedPointSolver
{
    private const int RootScanIntervals = 16;

    /// <summary>Damped simultaneous steps that stop shrinking for this many iterations (corner responses can
    /// cycle) give way to sequential, undamped responses, which cannot cycle in a potential game.</summary>
    private const int StallLimit = 200;

    /// <summary>Solves, evaluates the outcome and certifies it.</summary>
    /// <param name="scenario">A fedavg scenario with data contribution and positive weights.</param>
    /// <param name="damping">Step fraction θ ∈ (0, 1] towards the responses.</param>
    /// <param name="tolerance">Stop when no response moves by more than this many samples.</param>
    /// <param name="maxIterations">Iteration cap.</param>
    public static EquilibriumResult Solve(Scenario scenario, double damping = 0.5, double tolerance = 1e-9, int maxIterations = 20_000)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ScenarioParameters p = scenario.Parameters;
        if (p.GlobalLoss != GlobalLossModel.FedAvg || p.Contribution != ContributionMeasure.Data)
        {
            throw new ScenarioValidationException(
                "globalLoss/contribution: the fixed-point solver needs \"fedavg\" with \"data\" contribution.");
        }

        WeightedPotential.Create(scenario);
        int n = scenario.Count;
        ReadOnlySpan<double> d = scenario.LocalSamples;
        var samples = new double[n];
        var response = new double[n];
        for (int i = 0; i < n; i++)
        {
            samples[i] = d[i];
        }

        int iteration = 0;
        double step = double.PositiveInfinity;
        double bestStep = double.PositiveInfinity;
        int sinceBest = 0;
        bool sequential = false;
        while (iteration < maxIterations && step > tolerance)
        {
            iteration++;
            step = sequential ? SequentialSweep(scenario, samples) : JacobiStep(scenario, samples, response, damping);
            if (step < bestStep)
            {
                bestStep = step;
                sinceBest = 0;
            }
            else if (++sinceBest > StallLimit)
            {
                sequential = true;
            }
        }

        var g = new double[n];
        for (int i = 0; i < n; i++)
        {
            g[i] = Math.Clamp(samples[i] - d[i], 0, scenario.MaxSynthetic[i]);
        }

        string note = step > tolerance ? $"did not converge within {maxIterations} iterations (last step {step:G3} samples)" : string.Empty;
        return new EquilibriumResult(
            SolverKind.FixedPoint,
            g,
            KktClassifier.Classify(g, scenario.MaxSynthetic),
            new OutcomeEvaluator(scenario).Evaluate(g),
            NashCertifier.Certify(scenario, g),
            iteration,
            note);
    }

    private static double JacobiStep(Scenario scenario, double[] samples, double[] response, double damping)
    {
        int n = samples.Length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++)
        {
            total += samples[i];
            weighted += samples[i] * scenario.CurveOf(i).Evaluate(samples[i]);
        }

        double step = 0;
        for (int i = 0; i < n; i++)
        {
            double own = samples[i] * scenario.CurveOf(i).Evaluate(samples[i]);
            response[i] = Respond(scenario, i, weighted - own, total - samples[i]);
            step = Math.Max(step, Math.Abs(response[i] - samples[i]));
        }

        for (int i = 0; i < n; i++)
        {
            samples[i] += damping * (response[i] - samples[i]);
        }

        return step;
    }

    private static double SequentialSweep(Scenario scenario, double[] samples)
    {
        double step = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double othersTotal = 0;
            double othersWeighted = 0;
            for (int k = 0; k < samples.Length; k++)
            {
                if (k != i)
                {
                    othersTotal += samples[k];
                    othersWeighted += samples[k] * scenario.CurveOf(k).Evaluate(samples[k]);
                }
            }

            double response = Respond(scenario, i, othersWeighted, othersTotal);
            step = Math.Max(step, Math.Abs(response - samples[i]));
            samples[i] = response;
        }

        return step;
    }

    /// <summary>Organization i's best training-set size given the others' Σ n ℓ and Σ n.</summary>
    private static double Respond(Scenario scenario, int i, double othersWeighted, double othersTotal)
    {
        ScenarioParameters p = scenario.Parameters;
        LossCurve curve = scenario.CurveOf(i);
        double scale = p.Xi * scenario.Valuation[i];
        double slope = scenario.CostSlope[i] + scenario.CompetitionPressure[i];
        double lower = scenario.LocalSamples[i];
        double upper = lower + scenario.MaxSynthetic[i];

        double Value(double size) =>
            (-scale * (othersWeighted + (size * curve.Evaluate(size))) / (othersTotal + size)) - (slope * size);

        double Stationarity(double size)
        {
            double total = othersTotal + size;
            double level = (othersWeighted + (size * curve.Evaluate(size))) / total;
            double marginal = (curve.A * (1 - curve.B) * Math.Pow(size, -curve.B)) + curve.C;
            return (scale * (level - marginal) / total) - slope;
        }

        double best = lower;
        double bestValue = Value(lower);
        double upperValue = Value(upper);
        if (upperValue > bestValue)
        {
            best = upper;
            bestValue = upperValue;
        }

        double left = lower;
        double leftSign = Math.Sign(Stationarity(left));
        for (int k = 1; k <= RootScanIntervals; k++)
        {
            double right = k == RootScanIntervals ? upper : lower + ((upper - lower) * k / RootScanIntervals);
            double rightSign = Math.Sign(Stationarity(right));
            if (leftSign > 0 && rightSign <= 0)
            {
                double root = Bisect(Stationarity, left, right);
                double value = Value(root);
                if (value > bestValue)
                {
                    best = root;
                    bestValue = value;
                }
            }

            left = right;
            leftSign = rightSign;
        }

        return best;
    }

    private static double Bisect(Func<double, double> f, double positive, double negative)
    {
        for (int k = 0; k < 80 && negative - positive > 1e-12 * Math.Abs(negative); k++)
        {
            double mid = 0.5 * (positive + negative);
            if (f(mid) > 0)
            {
                positive = mid;
            }
            else
            {
                negative = mid;
            }
        }

        return 0.5 * (positive + negative);
    }
}
