using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>Checks a profile for profitable unilateral deviations (model.md §5 certificate).</summary>
public static class NashCertifier
{
    /// <summary>Default tolerance: a deviation may gain at most 1e-8 × max(1, |U_i|).</summary>
    public const double DefaultRelativeTolerance = 1e-8;

    /// <summary>Searches every organization's deviation over [0, G_i] (grid of 64 cells plus golden refinement).</summary>
    public static NashCertificate Certify(Scenario scenario, ReadOnlySpan<double> g, double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var evaluator = new DeviationEvaluator(scenario);
        evaluator.Prepare(g);
        int n = scenario.Count;
        var best = new double[n];
        var gain = new double[n];
        var violations = new List<int>();
        for (int i = 0; i < n; i++)
        {
            int organization = i;
            double current = evaluator.Utility(i);
            (double x, double value) = IntervalMaximizer.Maximize(
                gi => evaluator.Utility(organization, gi), 0, scenario.MaxSynthetic[i], 64);
            best[i] = x;
            gain[i] = value - current;
            if (gain[i] > relativeTolerance * Math.Max(1, Math.Abs(current)))
            {
                violations.Add(i);
            }
        }

        return new NashCertificate(relativeTolerance, best, gain) { Violations = violations };
    }
}
