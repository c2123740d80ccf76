using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Potential;

/// <summary>
/// The weighted potential Φ and weights w_i of Theorem 1 (model.md §4): for every exact combination,
/// U_i(g'_i, g_−i) − U_i(g) = w_i (Φ(g'_i, g_−i) − Φ(g)).
/// </summary>
public sealed class WeightedPotential
{
    private readonly Scenario scenario;
    private readonly double[] weights;
    private readonly double[] samples;
    private readonly double[] losses;

    private WeightedPotential(Scenario scenario, double[] weights)
    {
        this.scenario = scenario;
        this.weights = weights;
        samples = new double[scenario.Count];
        losses = new double[scenario.Count];
    }

    /// <summary>The weights w_i.</summary>
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>Whether the scenario's combination of global loss and contribution admits an exact potential.</summary>
    public static bool IsExactCombination(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Parameters.GlobalLoss == GlobalLossModel.Separable
            || scenario.Parameters.Contribution == ContributionMeasure.Data;
    }

    /// <summary>
    /// Builds the potential, or explains why there is none: the combination is not exact (fedavg with
    /// performance contribution), or some w_i ≤ 0.
    /// </summary>
    public static bool TryCreate(Scenario scenario, out WeightedPotential? potential, out string reason)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        potential = null;
        if (!IsExactCombination(scenario))
        {
            reason = "fedavg with performance contribution is not a weighted potential game: x_j depends on g_i.";
            return false;
        }

        var w = new double[scenario.Count];
        ReadOnlySpan<double> p = scenario.Valuation;
        ReadOnlySpan<double> k = scenario.CompetitionPressure;
        bool performance = scenario.Parameters.Contribution == ContributionMeasure.Performance;
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = performance ? p[i] - k[i] : p[i];
            if (w[i] <= 0)
            {
                reason = $"{ScenarioValidator.Name(i, scenario.Ids[i])}: potential weight w_i = p_i − k_i = {w[i]:G6} <= 0 "
                    + "(valuation below net competition pressure); not a weighted potential game.";
                return false;
            }
        }

        reason = string.Empty;
        potential = new WeightedPotential(scenario, w);
        return true;
    }

    /// <summary>Builds the potential or throws <see cref="ScenarioValidationException"/> with the reason.</summary>
    public static WeightedPotential Create(Scenario scenario)
    {
        if (!TryCreate(scenario, out WeightedPotential? potential, out string reason))
        {
            throw new ScenarioValidationException(reason);
        }

        return potential!;
    }

    /// <summary>Φ(g).</summary>
    public double Value(ReadOnlySpan<double> g)
    {
        GlobalLoss.LocalLosses(scenario, g, samples, losses);
        double value = -GlobalLoss.Value(scenario, samples, losses);
        ScenarioParameters p = scenario.Parameters;
        bool data = p.Contribution == ContributionMeasure.Data;
        ReadOnlySpan<double> kappa = scenario.Capacitance;
        ReadOnlySpan<double> f = scenario.FrequencyHz;
        ReadOnlySpan<double> k = scenario.CompetitionPressure;
        for (int i = 0; i < g.Length; i++)
        {
            double energy = kappa[i] * f[i] * f[i] * ((p.CyclesTrainPerSample * samples[i]) + (p.CyclesGeneratePerSample * g[i]));
            double cost = (p.Omega * energy) + p.Fee;
            if (data)
            {
                cost += k[i] * g[i];
            }

            value -= cost / weights[i];
        }

        return value;
    }

    /// <summary>∇Φ(g) into <paramref name="gradient"/>.</summary>
    public void Gradient(ReadOnlySpan<double> g, Span<double> gradient)
    {
        if (gradient.Length != scenario.Count)
        {
            throw new ArgumentException($"Expected {scenario.Count} entries.", nameof(gradient));
        }

        GlobalLoss.LocalLosses(scenario, g, samples, losses);
        ScenarioParameters p = scenario.Parameters;
        bool data = p.Contribution == ContributionMeasure.Data;
        ReadOnlySpan<double> a = scenario.CurveA;
        ReadOnlySpan<double> b = scenario.CurveB;
        ReadOnlySpan<double> c = scenario.CurveC;
        ReadOnlySpan<double> beta = scenario.CostSlope;
        ReadOnlySpan<double> k = scenario.CompetitionPressure;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < g.Length; i++)
        {
            total += samples[i];
            weighted += samples[i] * losses[i];
        }

        double level = weighted / total;
        for (int i = 0; i < g.Length; i++)
        {
            double lossSlope;
            if (p.GlobalLoss == GlobalLossModel.Separable)
            {
                lossSlope = -p.Xi * scenario.LossWeights[i] * a[i] * b[i] * Math.Pow(samples[i], -b[i] - 1);
            }
            else
            {
                double marginal = (a[i] * (1 - b[i]) * Math.Pow(samples[i], -b[i])) + c[i];
                lossSlope = p.Xi * (marginal - level) / total;
            }

            double costSlope = data ? beta[i] + k[i] : beta[i];
            gradient[i] = -lossSlope - (costSlope / weights[i]);
        }
    }
}
