namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// M^Shap (Definition 4.1): p_i(s) = φ_i^A(s) − [a_i(s) − a_i(0)], so u_i = φ_i^A(s) + a_i(0) − c_i(s_i). Budget
/// balanced (Lemma 4.2) and fully reciprocal (Theorem 4.7). Gradients of φ are exact for n ≤
/// <see cref="ShapleyValues.MaxExactAgents"/> unless permutations are requested, which is what Section 5.1 does
/// for n = 30 (⌊n log n⌋ = 102 permutations). Payments use exact Shapley values up to that size and a permutation
/// estimate beyond it; every permutation's marginals add up to v(N), so the estimate keeps Σ_i p_i = 0 exactly.
/// </summary>
public sealed class ShapleyMechanism : IFederationMechanism
{
    private readonly int? _permutations;
    private readonly int _paymentPermutations;
    private readonly int _paymentSeed;

    /// <summary>Creates the mechanism.</summary>
    /// <param name="gradientPermutations">Permutations per Monte Carlo gradient; null for exact gradients.</param>
    /// <param name="paymentPermutations">Permutations for payments when n exceeds the exact limit.</param>
    /// <param name="paymentSeed">Seed of those permutations.</param>
    public ShapleyMechanism(int? gradientPermutations = null, int paymentPermutations = 5000, int paymentSeed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paymentPermutations, 2);
        _paymentPermutations = paymentPermutations;
        _paymentSeed = paymentSeed;
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
        var phi = Shapley(instance, samples);
        var s = samples.ToArray();
        var payments = new double[instance.AgentCount];
        for (int i = 0; i < payments.Length; i++)
        {
            payments[i] = phi[i] - instance.PayoffGain(i, s);
        }

        return payments;
    }

    /// <summary>φ^A(s): exact for n ≤ 20, else the permutation estimate with this mechanism's seed.</summary>
    public IReadOnlyList<double> Shapley(FederationInstance instance, IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.AgentCount <= ShapleyValues.MaxExactAgents
            ? ShapleyValues.Exact(instance, samples)
            : ShapleyValues.MonteCarlo(instance, samples, _paymentPermutations, _paymentSeed).Values;
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
