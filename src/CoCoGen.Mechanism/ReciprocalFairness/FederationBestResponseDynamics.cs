namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// Best-response dynamics of Section 4.2: s^{t+1} = s^t + δ·g(s^t, μ^t) (Eq. 8), where μ^t (Eq. 9) projects the
/// step back onto [0, τ_i]. With <see cref="SampledAgents"/> = k &lt; n it is the stochastic variant (Eqs. 10–11):
/// only k agents drawn uniformly at each step move.
/// </summary>
/// <param name="StepSize">δ &gt; 0.</param>
/// <param name="Iterations">The cap on steps.</param>
/// <param name="SampledAgents">k; null moves every agent every step.</param>
/// <param name="Seed">Seed of the agent draws and of Monte Carlo gradients.</param>
/// <param name="Tolerance">Stop once ‖g(s, μ)‖₂ ≤ this (an ε-approximate NE of Theorem 4.4).</param>
public sealed record FederationBestResponseDynamics(
    double StepSize,
    int Iterations,
    int? SampledAgents = null,
    int Seed = 1,
    double Tolerance = 1e-10)
{
    /// <summary>Runs the dynamics from <paramref name="start"/> (zeros when null).</summary>
    public FederationDynamicsResult Run(FederationInstance instance, IFederationMechanism mechanism, IReadOnlyList<double>? start = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(mechanism);
        if (!(StepSize > 0) || double.IsInfinity(StepSize))
        {
            throw new ArgumentException($"stepSize: must be positive and finite, got {StepSize}.");
        }

        if (Iterations < 1)
        {
            throw new ArgumentException($"iterations: must be at least 1, got {Iterations}.");
        }

        int n = instance.AgentCount;
        if (SampledAgents is int k && (k < 1 || k > n))
        {
            throw new ArgumentException($"sampledAgents: must lie in [1, {n}], got {k}.");
        }

        var random = new Random(Seed);
        var s = start?.ToArray() ?? new double[n];
        instance.ValidateSamples(s);
        var order = Enumerable.Range(0, n).ToArray();
        var selected = new bool[n];
        double residual = double.PositiveInfinity;
        int t = 0;
        while (t < Iterations)
        {
            t++;
            var gradient = mechanism.OwnUtilityGradient(instance, s, random);
            residual = ProjectedResidual(instance, s, gradient);
            if (residual <= Tolerance)
            {
                break;
            }

            Array.Fill(selected, SampledAgents is null);
            if (SampledAgents is int count)
            {
                random.Shuffle(order);
                for (int a = 0; a < count; a++)
                {
                    selected[order[a]] = true;
                }
            }

            for (int i = 0; i < n; i++)
            {
                if (selected[i])
                {
                    s[i] = Math.Clamp(s[i] + (StepSize * gradient[i]), 0.0, instance.Costs[i].MaxSamples);
                }
            }
        }

        return new FederationDynamicsResult(s, t, residual);
    }

    /// <summary>‖g(s, μ)‖₂ with μ of Eq. 9: the part of the step that survives the projection, per unit δ.</summary>
    private double ProjectedResidual(FederationInstance instance, double[] s, double[] gradient)
    {
        double total = 0;
        for (int i = 0; i < s.Length; i++)
        {
            double moved = (Math.Clamp(s[i] + (StepSize * gradient[i]), 0.0, instance.Costs[i].MaxSamples) - s[i]) / StepSize;
            total += moved * moved;
        }

        return Math.Sqrt(total);
    }
}
