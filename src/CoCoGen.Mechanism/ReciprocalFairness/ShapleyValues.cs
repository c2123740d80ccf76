namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// Shapley values of the federation, φ_i^A(s) of Eq. 3. The exact computation tabulates v over all 2ⁿ coalitions
/// (bitmasks) once and then sums weighted marginals, O(n·2ⁿ) after the table, so n ≤ 20 stays within a second.
/// </summary>
public static class ShapleyValues
{
    /// <summary>Largest n for exact enumeration (the table has 2ⁿ entries).</summary>
    public const int MaxExactAgents = 20;

    /// <summary>Exact Shapley values of a game given by its characteristic function over bitmasks (v(0) is subtracted).</summary>
    public static double[] Exact(int agents, Func<long, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (agents < 1 || agents > MaxExactAgents)
        {
            throw new ArgumentOutOfRangeException(nameof(agents), agents, $"exact Shapley values need 1 ≤ n ≤ {MaxExactAgents}.");
        }

        long size = 1L << agents;
        var table = new double[size];
        for (long mask = 0; mask < size; mask++)
        {
            table[mask] = value(mask);
        }

        var weights = CoalitionWeights(agents);
        var phi = new double[agents];
        for (long mask = 0; mask < size; mask++)
        {
            double w = weights[System.Numerics.BitOperations.PopCount((ulong)mask)];
            double v = table[mask];
            for (int i = 0; i < agents; i++)
            {
                long bit = 1L << i;
                if ((mask & bit) == 0)
                {
                    phi[i] += w * (table[mask | bit] - v);
                }
            }
        }

        return phi;
    }

    /// <summary>Exact φ^A(s) for an instance (n ≤ 20).</summary>
    public static double[] Exact(FederationInstance instance, IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        var s = samples.ToArray();
        var scratch = new double[instance.AgentCount];
        return Exact(instance.AgentCount, mask => instance.CoalitionValue(mask, s, scratch));
    }

    /// <summary>
    /// Exact ∂φ_i/∂s_i for every i: Σ_{X ⊆ N∖i} w(|X|)·∂v(s[X ∪ i])/∂s_i (the term v(s[X]) does not move with s_i).
    /// </summary>
    public static double[] ExactOwnGradient(FederationInstance instance, IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        int n = instance.AgentCount;
        if (n > MaxExactAgents)
        {
            throw new ArgumentOutOfRangeException(nameof(instance), n, $"exact gradients need n ≤ {MaxExactAgents}.");
        }

        var s = samples.ToArray();
        var scratch = new double[n];
        var weights = CoalitionWeights(n);
        var gradient = new double[n];
        long size = 1L << n;
        for (long mask = 0; mask < size; mask++)
        {
            double w = weights[System.Numerics.BitOperations.PopCount((ulong)mask)];
            for (int i = 0; i < n; i++)
            {
                long bit = 1L << i;
                if ((mask & bit) == 0)
                {
                    FederationInstance.Restrict(mask | bit, s, scratch);
                    gradient[i] += w * instance.TotalGainPartial(scratch, i);
                }
            }
        }

        return gradient;
    }

    /// <summary>
    /// Monte Carlo estimate of ∂φ_i/∂s_i from random permutations (the estimator of Appendix E differentiated):
    /// the mean over permutations of ∂v(s[P_i^σ ∪ i])/∂s_i.
    /// </summary>
    public static double[] MonteCarloOwnGradient(FederationInstance instance, IReadOnlyList<double> samples, int permutations, Random random)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permutations);
        int n = instance.AgentCount;
        var gradient = new double[n];
        var order = Enumerable.Range(0, n).ToArray();
        var prefix = new double[n];
        for (int p = 0; p < permutations; p++)
        {
            random.Shuffle(order);
            Array.Clear(prefix);
            foreach (int i in order)
            {
                prefix[i] = samples[i];
                gradient[i] += instance.TotalGainPartial(prefix, i);
            }
        }

        for (int i = 0; i < n; i++)
        {
            gradient[i] /= permutations;
        }

        return gradient;
    }

    /// <summary>
    /// Monte Carlo permutation estimate (Eq. 27) with its error: per-agent CLT standard errors and a Hoeffding
    /// half-width ε = R·√(ln(2n/δ)/(2m)) that holds for all agents at once with probability 1 − δ, where R bounds
    /// the range of one marginal contribution.
    /// </summary>
    /// <param name="agents">n.</param>
    /// <param name="value">v over bitmasks.</param>
    /// <param name="permutations">m.</param>
    /// <param name="seed">Seed of the permutation draws.</param>
    /// <param name="marginalRange">R: every marginal v(X ∪ i) − v(X) lies in an interval of this length.</param>
    /// <param name="delta">δ, the failure probability of the Hoeffding bound.</param>
    public static ShapleyEstimate MonteCarlo(int agents, Func<long, double> value, int permutations, int seed, double marginalRange, double delta = 0.05)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(agents, 62);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 2);
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must lie in (0, 1).");
        }

        var random = new Random(seed);
        var order = Enumerable.Range(0, agents).ToArray();
        var mean = new double[agents];
        var m2 = new double[agents];
        for (int p = 1; p <= permutations; p++)
        {
            random.Shuffle(order);
            long mask = 0;
            double previous = value(0);
            foreach (int i in order)
            {
                mask |= 1L << i;
                double current = value(mask);
                double marginal = current - previous;
                previous = current;

                // Welford's update keeps the variance accurate without storing the samples.
                double d = marginal - mean[i];
                mean[i] += d / p;
                m2[i] += d * (marginal - mean[i]);
            }
        }

        var errors = new double[agents];
        for (int i = 0; i < agents; i++)
        {
            errors[i] = Math.Sqrt(m2[i] / (permutations - 1) / permutations);
        }

        double halfWidth = marginalRange * Math.Sqrt(Math.Log(2.0 * agents / delta) / (2.0 * permutations));
        return new ShapleyEstimate(mean, errors, halfWidth, permutations, delta);
    }

    /// <summary>Monte Carlo estimate for an instance; R = Σ_j sup(a_j − a_j(0)) ≤ n since payoffs lie in [0, 1] and are monotone.</summary>
    public static ShapleyEstimate MonteCarlo(FederationInstance instance, IReadOnlyList<double> samples, int permutations, int seed, double delta = 0.05)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        var s = samples.ToArray();
        var scratch = new double[instance.AgentCount];
        double range = 0;
        for (int i = 0; i < instance.AgentCount; i++)
        {
            range += 1.0 - instance.Baseline(i);
        }

        return MonteCarlo(instance.AgentCount, mask => instance.CoalitionValue(mask, s, scratch), permutations, seed, range, delta);
    }

    /// <summary>w(k) = k!(n−1−k)!/n! = 1/(n·C(n−1, k)).</summary>
    private static double[] CoalitionWeights(int n)
    {
        var weights = new double[n + 1];
        double binomial = 1; // C(n−1, k)
        for (int k = 0; k < n; k++)
        {
            weights[k] = 1.0 / (n * binomial);
            binomial = binomial * (n - 1 - k) / (k + 1);
        }

        return weights;
    }
}
