namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>A linear data cost c_i(s_i) = γ_i·s_i + d_i with a cap τ_i on the samples agent i holds.</summary>
/// <param name="PerSample">γ_i ≥ 0.</param>
/// <param name="Fixed">d_i ≥ 0.</param>
/// <param name="MaxSamples">τ_i &gt; 0, the most samples agent i can contribute.</param>
public readonly record struct AgentCost(double PerSample, double Fixed, double MaxSamples)
{
    /// <summary>c_i(s).</summary>
    public double Cost(double samples) => (PerSample * samples) + Fixed;
}
