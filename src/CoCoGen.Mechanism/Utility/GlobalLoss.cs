using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Utility;

/// <summary>The global loss L(g), the leave-one-out loss L(−i; g) and their ingredients (model.md §2).</summary>
public static class GlobalLoss
{
    /// <summary>Writes n_i = D_i + g_i and ℓ_i(n_i) into the destinations.</summary>
    public static void LocalLosses(Scenario scenario, ReadOnlySpan<double> g, Span<double> samples, Span<double> losses)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        CheckLength(scenario, g.Length);
        CheckLength(scenario, samples.Length);
        CheckLength(scenario, losses.Length);
        ReadOnlySpan<double> d = scenario.LocalSamples;
        ReadOnlySpan<double> a = scenario.CurveA;
        ReadOnlySpan<double> b = scenario.CurveB;
        ReadOnlySpan<double> c = scenario.CurveC;
        for (int i = 0; i < g.Length; i++)
        {
            double n = d[i] + g[i];
            samples[i] = n;
            losses[i] = (a[i] * Math.Pow(n, -b[i])) + c[i];
        }
    }

    /// <summary>L from precomputed sizes and local losses.</summary>
    public static double Value(Scenario scenario, ReadOnlySpan<double> samples, ReadOnlySpan<double> losses)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double xi = scenario.Parameters.Xi;
        if (scenario.Parameters.GlobalLoss == GlobalLossModel.Separable)
        {
            ReadOnlySpan<double> pi = scenario.LossWeights;
            double sum = 0;
            for (int k = 0; k < losses.Length; k++)
            {
                sum += pi[k] * losses[k];
            }

            return xi * sum;
        }

        double weighted = 0;
        double total = 0;
        for (int k = 0; k < losses.Length; k++)
        {
            weighted += samples[k] * losses[k];
            total += samples[k];
        }

        return xi * weighted / total;
    }

    /// <summary>L(g) for a strategy profile.</summary>
    public static double Value(Scenario scenario, ReadOnlySpan<double> g)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var samples = new double[g.Length];
        var losses = new double[g.Length];
        LocalLosses(scenario, g, samples, losses);
        return Value(scenario, samples, losses);
    }

    /// <summary>
    /// x_i under the scenario's contribution measure: D_i + g_i for data; L(−i; g) − L(g) for
    /// performance, where L(−i) replaces i's separable term by π_i L_0/ξ or removes i from the FedAvg average.
    /// </summary>
    public static void Contributions(
        Scenario scenario, ReadOnlySpan<double> samples, ReadOnlySpan<double> losses, double globalLoss, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        CheckLength(scenario, destination.Length);
        ScenarioParameters p = scenario.Parameters;
        if (p.Contribution == ContributionMeasure.Data)
        {
            samples.CopyTo(destination);
            return;
        }

        if (p.GlobalLoss == GlobalLossModel.Separable)
        {
            ReadOnlySpan<double> pi = scenario.LossWeights;
            for (int i = 0; i < losses.Length; i++)
            {
                destination[i] = pi[i] * (p.L0 - (p.Xi * losses[i]));
            }

            return;
        }

        double weighted = 0;
        double total = 0;
        for (int k = 0; k < losses.Length; k++)
        {
            weighted += samples[k] * losses[k];
            total += samples[k];
        }

        for (int i = 0; i < losses.Length; i++)
        {
            double without = p.Xi * (weighted - (samples[i] * losses[i])) / (total - samples[i]);
            destination[i] = without - globalLoss;
        }
    }

    private static void CheckLength(Scenario scenario, int length)
    {
        if (length != scenario.Count)
        {
            throw new ArgumentException($"Expected {scenario.Count} entries (one per organization), got {length}.");
        }
    }
}
