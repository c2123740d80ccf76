namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>M^0: no payments; u_i(s) = a_i(s) − c_i(s_i). The baseline of DataGain and AccGain (Defs 3.6–3.7).</summary>
public sealed class NoPaymentMechanism : IFederationMechanism
{
    /// <inheritdoc />
    public string Name => "M^0";

    /// <inheritdoc />
    public double[] Payments(FederationInstance instance, IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new double[instance.AgentCount];
    }

    /// <inheritdoc />
    public double[] OwnUtilityGradient(FederationInstance instance, IReadOnlyList<double> samples, Random random)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        var s = samples.ToArray();
        var gradient = new double[instance.AgentCount];
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = instance.Model.PayoffPartial(i, s, i) - instance.Costs[i].PerSample;
        }

        return gradient;
    }
}
