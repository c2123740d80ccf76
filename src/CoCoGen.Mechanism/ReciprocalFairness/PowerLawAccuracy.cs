namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>Eq. 12: identical payoffs a(s) = 1 − α·(‖s‖₁ + 1)^(−β), α &gt; 0, β ∈ (0, 1].</summary>
public sealed class PowerLawAccuracy : IAccuracyModel
{
    /// <summary>Creates the model for <paramref name="agents"/> agents.</summary>
    public PowerLawAccuracy(int agents, double alpha, double beta)
    {
        if (agents < 1)
        {
            throw new ArgumentException($"agents: need at least one agent, got {agents}.");
        }

        if (!(alpha > 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentException($"alpha: must be positive and finite, got {alpha}.");
        }

        if (!(beta > 0 && beta <= 1))
        {
            throw new ArgumentException($"beta: must lie in (0, 1], got {beta}.");
        }

        AgentCount = agents;
        Alpha = alpha;
        Beta = beta;
    }

    /// <inheritdoc />
    public int AgentCount { get; }

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <inheritdoc />
    public double Payoff(int agent, ReadOnlySpan<double> samples) => 1.0 - (Alpha * Math.Pow(Total(samples) + 1, -Beta));

    /// <inheritdoc />
    public double PayoffPartial(int agent, ReadOnlySpan<double> samples, int contributor) =>
        Alpha * Beta * Math.Pow(Total(samples) + 1, -Beta - 1);

    private static double Total(ReadOnlySpan<double> samples)
    {
        double total = 0;
        foreach (double s in samples)
        {
            total += s;
        }

        return total;
    }
}
