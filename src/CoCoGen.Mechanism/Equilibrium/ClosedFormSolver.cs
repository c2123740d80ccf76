using CoCoGen.Mechanism.Potential;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>
/// Theorem 2's closed form for the separable global loss: n_i* = (w_i ξ π_i a_i b_i / β_i)^(1/(b_i+1)),
/// g_i* = min(G_i, max(0, n_i* − D_i)); for data contribution w_i becomes p_i and β_i becomes β_i + k_i.
/// The span overload allocates nothing.
/// </summary>
public static class ClosedFormSolver
{
    /// <summary>
    /// Writes g* and the KKT scenario of every organization into the destinations. Throws
    /// <see cref="ScenarioValidationException"/> if the global loss is not separable or some w_i ≤ 0.
    /// </summary>
    public static void Solve(Scenario scenario, Span<double> g, Span<KktScenario> kkt)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int n = scenario.Count;
        if (g.Length != n || kkt.Length != n)
        {
            throw new ArgumentException($"Destinations must hold {n} entries (one per organization).");
        }

        ScenarioParameters p = scenario.Parameters;
        if (p.GlobalLoss != GlobalLossModel.Separable)
        {
            throw new ScenarioValidationException("globalLoss: the closed form needs \"separable\"; use the fixed-point solver for \"fedavg\".");
        }

        bool data = p.Contribution == ContributionMeasure.Data;
        ReadOnlySpan<double> valuation = scenario.Valuation;
        ReadOnlySpan<double> pressure = scenario.CompetitionPressure;
        ReadOnlySpan<double> beta = scenario.CostSlope;
        ReadOnlySpan<double> pi = scenario.LossWeights;
        ReadOnlySpan<double> a = scenario.CurveA;
        ReadOnlySpan<double> b = scenario.CurveB;
        ReadOnlySpan<double> d = scenario.LocalSamples;
        ReadOnlySpan<double> cap = scenario.MaxSynthetic;
        for (int i = 0; i < n; i++)
        {
            double weight = data ? valuation[i] : valuation[i] - pressure[i];
            if (weight <= 0)
            {
                throw new ScenarioValidationException(
                    $"{ScenarioValidator.Name(i, scenario.Ids[i])}: potential weight w_i = {weight:G6} <= 0; the closed form does not apply.");
            }

            double slope = data ? beta[i] + pressure[i] : beta[i];
            double gi;
            if (slope <= 0)
            {
                gi = cap[i];
            }
            else
            {
                double target = Math.Pow(weight * p.Xi * pi[i] * a[i] * b[i] / slope, 1.0 / (b[i] + 1));
                gi = Math.Min(cap[i], Math.Max(0, target - d[i]));
            }

            g[i] = gi;
            kkt[i] = gi <= 0 ? KktScenario.Zero : gi >= cap[i] ? KktScenario.Cap : KktScenario.Interior;
        }
    }

    /// <summary>Solves, evaluates the outcome and certifies it.</summary>
    public static EquilibriumResult Solve(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        WeightedPotential.Create(scenario);
        var g = new double[scenario.Count];
        var kkt = new KktScenario[scenario.Count];
        Solve(scenario, g, kkt);
        return new EquilibriumResult(
            SolverKind.ClosedForm,
            g,
            kkt,
            new OutcomeEvaluator(scenario).Evaluate(g),
            NashCertifier.Certify(scenario, g),
            1,
            string.Empty);
    }
}
