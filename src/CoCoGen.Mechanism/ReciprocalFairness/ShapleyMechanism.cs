namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// M^Shap (Definition 4.1): p_i(s) = φ_i^A(s) − [a_i(s) − a_i(0)], so u_i = φ_i^A(s) + a_i(0) − c_i(s_i). Budget
/// balanced (Lemma 4.2) and fully reciprocal (Theorem 4.7). Gradients of φ are exact for n ≤
/// <see cref="ShapleyValues.MaxExactAgents"/> unless permutations are requested, which is what Section 5.1 does
/// for n = 30 (⌊n log n⌋ = 102 permutations).
/// </summary>
public sealed class ShapleyMechanism : IFederationMechanism
{
    private readonly int? _permutations;

    /// <summary>Creates the mechanism.</summary>
    /// <param name="gradientPermutations">Permutations per Monte Carlo gradient; null for exact gradients.</param>
    public ShapleyMechanism(int? gradientPermutations = null)
    {
        if (gradientPermutations is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gradientPermutations), gradientPermutations, "permutations must be positive.");
        }

        _permutations = gradientPermutations;
    }

    /// <inheritdoc />
    public string Name => "M^Shap";

    /// <inheritdoc />
    public double[] Payments(FederationInstance instance, IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var phi = ShapleyValues.Exact(instance, samples);
        var s = samples.ToArray();
        var payments = new double[instance.AgentCount];
        for (int i = 0; i < payments.Length; i++)
        {
            payments[i] = phi[i] - instance.PayoffGain(i, s);
        }

        return payments;
    }

    /// <inheritdoc />
    public double[] OwnUtilityGradient(FederationInstance instance, IReadOnlyList<double> samples, Random random)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var gradient = _permutations is int m
            ? ShapleyValues.MonteCarloOwnGradient(instance, samples, m, random)
            : ShapleyValues.ExactOwnGradient(instance, samples);
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] -= instance.Costs[i].PerSample;
        }

        return gradient;
    }
}
