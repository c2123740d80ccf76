namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// A federated-learning instance: payoff functions, linear costs and sample caps. Coalition values are measured
/// from the empty federation, v(X) = Σ_j [a_j(s[X]) − a_j(0)], so that v(∅) = 0 as Lemma 2.3 of the paper
/// assumes; for Eq. 12 with α &lt; 1, a_j(0) = 1 − α ≠ 0 and without this shift Σ_i φ_i would miss A(s) by n(1 − α)
/// and M^Shap would not balance its budget. The shift is a constant per agent, so no incentive changes.
/// </summary>
public sealed class FederationInstance
{
    private readonly double[] _baseline;

    /// <summary>Creates an instance; inputs are checked and a bad one is named.</summary>
    public FederationInstance(IAccuracyModel model, IReadOnlyList<AgentCost> costs, IReadOnlyList<string>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Count != model.AgentCount)
        {
            throw new ArgumentException($"agents: {costs.Count} costs for {model.AgentCount} agents in the accuracy model.");
        }

        if (ids is not null && ids.Count != costs.Count)
        {
            throw new ArgumentException($"agents: {ids.Count} ids for {costs.Count} agents.");
        }

        Ids = ids ?? Enumerable.Range(1, costs.Count).Select(i => $"agent{i}").ToArray();
        for (int i = 0; i < costs.Count; i++)
        {
            var c = costs[i];
            if (!(c.PerSample >= 0) || double.IsInfinity(c.PerSample))
            {
                throw new ArgumentException($"agents[{i}] ({Ids[i]}): costPerSample must be non-negative and finite, got {c.PerSample}.");
            }

            if (!(c.Fixed >= 0) || double.IsInfinity(c.Fixed))
            {
                throw new ArgumentException($"agents[{i}] ({Ids[i]}): fixedCost must be non-negative and finite, got {c.Fixed}.");
            }

            if (!(c.MaxSamples > 0) || double.IsInfinity(c.MaxSamples))
            {
                throw new ArgumentException($"agents[{i}] ({Ids[i]}): maxSamples must be positive and finite, got {c.MaxSamples}.");
            }
        }

        Model = model;
        Costs = costs.ToArray();
        _baseline = new double[AgentCount];
        var zero = new double[AgentCount];
        for (int i = 0; i < AgentCount; i++)
        {
            _baseline[i] = model.Payoff(i, zero);
        }
    }

    /// <summary>The payoff functions.</summary>
    public IAccuracyModel Model { get; }

    /// <summary>Per-agent costs and caps.</summary>
    public IReadOnlyList<AgentCost> Costs { get; }

    /// <summary>Agent names.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>n.</summary>
    public int AgentCount => Model.AgentCount;

    /// <summary>a_i(0), the payoff with no data at all.</summary>
    public double Baseline(int agent) => _baseline[agent];

    /// <summary>a_i(s) − a_i(0): what agent i gains from the federation's data.</summary>
    public double PayoffGain(int agent, ReadOnlySpan<double> samples) => Model.Payoff(agent, samples) - _baseline[agent];

    /// <summary>v(N) = Σ_i [a_i(s) − a_i(0)].</summary>
    public double TotalGain(ReadOnlySpan<double> samples)
    {
        double total = 0;
        for (int i = 0; i < AgentCount; i++)
        {
            total += PayoffGain(i, samples);
        }

        return total;
    }

    /// <summary>v(X) = Σ_i [a_i(s[X]) − a_i(0)] for the coalition bitmask X; <paramref name="scratch"/> has length n.</summary>
    public double CoalitionValue(long coalition, ReadOnlySpan<double> samples, Span<double> scratch)
    {
        Restrict(coalition, samples, scratch);
        return TotalGain(scratch);
    }

    /// <summary>∂v/∂s_j evaluated at the vector in <paramref name="samples"/>.</summary>
    public double TotalGainPartial(ReadOnlySpan<double> samples, int contributor)
    {
        double total = 0;
        for (int i = 0; i < AgentCount; i++)
        {
            total += Model.PayoffPartial(i, samples, contributor);
        }

        return total;
    }

    /// <summary>Σ_i a_i(s) − Σ_i c_i(s_i), the total welfare W(s) of Theorem 4.8.</summary>
    public double Welfare(ReadOnlySpan<double> samples)
    {
        double total = 0;
        for (int i = 0; i < AgentCount; i++)
        {
            total += Model.Payoff(i, samples) - Costs[i].Cost(samples[i]);
        }

        return total;
    }

    /// <summary>Writes s[X] (zero outside the coalition) into <paramref name="destination"/>.</summary>
    public static void Restrict(long coalition, ReadOnlySpan<double> samples, Span<double> destination)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            destination[i] = ((coalition >> i) & 1) != 0 ? samples[i] : 0.0;
        }
    }

    /// <summary>Checks a sample vector against the caps, naming the first bad entry.</summary>
    public void ValidateSamples(ReadOnlySpan<double> samples)
    {
        if (samples.Length != AgentCount)
        {
            throw new ArgumentException($"samples: expected {AgentCount} entries, got {samples.Length}.");
        }

        for (int i = 0; i < AgentCount; i++)
        {
            if (!(samples[i] >= 0 && samples[i] <= Costs[i].MaxSamples))
            {
                throw new ArgumentException($"samples[{i}] ({Ids[i]}): must lie in [0, {Costs[i].MaxSamples}], got {samples[i]}.");
            }
        }
    }
}
