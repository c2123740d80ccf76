namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>The fairness and efficiency metrics of Section 3.1, evaluated at given equilibria.</summary>
public static class FederationMetrics
{
    /// <summary>
    /// min_i (a_i(s) − a_i(0) + p_i(s)) / φ_i^A(s) (Definition 3.3 at one NE); agents with φ_i = 0 contribute
    /// nothing and are skipped. 1 means every agent receives exactly what it contributes.
    /// </summary>
    public static double Reciprocity(FederationInstance instance, IReadOnlyList<double> samples, IReadOnlyList<double> payments, IReadOnlyList<double> shapley)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(shapley);
        var s = samples.ToArray();
        double worst = double.PositiveInfinity;
        for (int i = 0; i < instance.AgentCount; i++)
        {
            if (shapley[i] > 1e-15)
            {
                worst = Math.Min(worst, (instance.PayoffGain(i, s) + payments[i]) / shapley[i]);
            }
        }

        return worst;
    }

    /// <summary>‖s‖₁ / ‖s⁰‖₁ (Definition 3.6 at one NE of each mechanism).</summary>
    public static double DataGain(IReadOnlyList<double> samples, IReadOnlyList<double> baselineSamples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(baselineSamples);
        return samples.Sum() / baselineSamples.Sum();
    }

    /// <summary>Σ_i a_i(s) / Σ_i a_i(s⁰) (Definition 3.7 at one NE of each mechanism).</summary>
    public static double AccuracyGain(FederationInstance instance, IReadOnlyList<double> samples, IReadOnlyList<double> baselineSamples)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return TotalPayoff(instance, samples) / TotalPayoff(instance, baselineSamples);
    }

    /// <summary>A(s) = Σ_i a_i(s).</summary>
    public static double TotalPayoff(FederationInstance instance, IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        var s = samples.ToArray();
        double total = 0;
        for (int i = 0; i < instance.AgentCount; i++)
        {
            total += instance.Model.Payoff(i, s);
        }

        return total;
    }

    /// <summary>u_i(s) = a_i(s) − c_i(s_i) + p_i(s).</summary>
    public static double[] Utilities(FederationInstance instance, IReadOnlyList<double> samples, IReadOnlyList<double> payments)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(payments);
        var s = samples.ToArray();
        var u = new double[instance.AgentCount];
        for (int i = 0; i < u.Length; i++)
        {
            u[i] = instance.Model.Payoff(i, s) - instance.Costs[i].Cost(s[i]) + payments[i];
        }

        return u;
    }
}
