namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// The payoff (accuracy) functions a_i(s) of a federation (Section 2.1 of "You Get What You Give"): agent i's
/// payoff when every agent j contributes s_j samples. Payoffs are concave and non-decreasing in s and lie in [0, 1].
/// </summary>
public interface IAccuracyModel
{
    /// <summary>n, the number of agents.</summary>
    int AgentCount { get; }

    /// <summary>a_i(s).</summary>
    double Payoff(int agent, ReadOnlySpan<double> samples);

    /// <summary>∂a_i/∂s_j at s.</summary>
    double PayoffPartial(int agent, ReadOnlySpan<double> samples, int contributor);
}
