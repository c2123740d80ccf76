namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// FedBR-Shap (Appendix F, Algorithm 1): best-response dynamics run during federated training. At every
/// iteration the server evaluates every coalition's averaged model, computes each agent's Shapley share of the
/// iteration's accuracy gain with and without its probe, and the agent steps s_i by δ·(W·∂φ_i/∂s_i − γ_i),
/// projected on [0, τ_i]. Every W iterations (a stage) agent i is paid p_i^h = φ_i^h − (a_i(θ^t) − a_i(θ^{t−W})),
/// where φ_i^h sums the agent's per-iteration Shapley shares over the stage; since each iteration's shares add up
/// to that iteration's gain of the full coalition, Σ_i p_i^h = 0 exactly. Coalitions are enumerated (2ⁿ models
/// per iteration), as in the paper.
/// On real training one probe's finite difference is mostly noise (an ε-batch SGD step flips a few test images),
/// and s jumps between 0 and τ: with a constant step the spread of s around the NE grows like σ_g·√δ, σ_g the
/// noise of one derivative estimate. Two remedies, both off by default (the paper's protocol): K probes per agent
/// whose differences are averaged (each shares the local model's batches, so only the extra batches differ; σ_g
/// falls like 1/√K), and a Robbins–Monro step δ_t = δ·t₀/(t₀ + t − 1), whose steps sum to infinity while their
/// squares do not, so the noise averages out and s settles. Payments do not use the probes, so budget balance is
/// untouched.
/// </summary>
/// <param name="Iterations">N, total training iterations.</param>
/// <param name="StageLength">W, iterations per stage.</param>
/// <param name="StepSize">δ.</param>
/// <param name="Epsilon">ε ∈ (0, 1), the probe's extra batches.</param>
/// <param name="InitialSamples">s¹; all ones when null (line 3).</param>
/// <param name="Probes">K ≥ 1, probes per agent and iteration whose derivative estimates are averaged.</param>
/// <param name="StepDecay">t₀ &gt; 0 of the decaying step δ_t = δ·t₀/(t₀ + t − 1); null keeps δ constant.</param>
public sealed record FedBrShapProtocol(
    int Iterations,
    int StageLength,
    double StepSize,
    double Epsilon,
    IReadOnlyList<double>? InitialSamples = null,
    int Probes = 1,
    double? StepDecay = null)
{
    /// <summary>Runs the protocol against <paramref name="oracle"/>, with agents' linear costs from <paramref name="costs"/>.</summary>
    public FedBrShapResult Run(ICoalitionAccuracyOracle oracle, IReadOnlyList<AgentCost> costs)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentNullException.ThrowIfNull(costs);
        int n = oracle.AgentCount;
        Validate(n, costs);
        var s = InitialSamples?.ToArray() ?? Enumerable.Repeat(1.0, n).ToArray();
        var stages = new List<FedBrShapStage>();
        var stageStart = oracle.GlobalAccuracies.ToArray();
        var stageShapley = new double[n];
        int inStage = 0;
        for (int t = 1; t <= Iterations; t++)
        {
            var round = oracle.Train(s, Epsilon, Probes);
            double before = round.CumulativeAccuracy(0);
            var shares = ShapleyValues.Exact(n, mask => round.CumulativeAccuracy(mask) - before);
            double step = StepDecay is double t0 ? StepSize * t0 / (t0 + t - 1) : StepSize;
            var next = (double[])s.Clone();
            for (int i = 0; i < n; i++)
            {
                int agent = i;
                double estimate = 0;
                for (int k = 0; k < Probes; k++)
                {
                    int probe = k;
                    var probed = ShapleyValues.Exact(n, mask =>
                        ((mask >> agent) & 1) != 0 ? round.CumulativeAccuracyWithProbe(mask, agent, probe) - before : round.CumulativeAccuracy(mask) - before);
                    estimate += StageLength * (probed[i] - shares[i]) / Epsilon;
                }

                double gradient = (estimate / Probes) - costs[i].PerSample;
                next[i] = Math.Clamp(s[i] + (step * gradient), 0.0, costs[i].MaxSamples);
                stageShapley[i] += shares[i];
            }

            var accuracies = round.Commit();
            s = next;
            inStage++;
            if (inStage == StageLength || t == Iterations)
            {
                var payments = new double[n];
                for (int i = 0; i < n; i++)
                {
                    payments[i] = stageShapley[i] - (accuracies[i] - stageStart[i]);
                }

                stages.Add(new FedBrShapStage(stages.Count + 1, s.ToArray(), stageShapley.ToArray(), payments, accuracies.ToArray()));
                stageStart = accuracies.ToArray();
                Array.Clear(stageShapley);
                inStage = 0;
            }
        }

        return new FedBrShapResult(s, stages);
    }

    private void Validate(int n, IReadOnlyList<AgentCost> costs)
    {
        if (n < 1 || n > ShapleyValues.MaxExactAgents)
        {
            throw new ArgumentException($"agents: FedBR-Shap enumerates coalitions and needs 1 ≤ n ≤ {ShapleyValues.MaxExactAgents}, got {n}.");
        }

        if (costs.Count != n)
        {
            throw new ArgumentException($"agents: {costs.Count} costs for {n} agents.");
        }

        if (Iterations < 1 || StageLength < 1)
        {
            throw new ArgumentException($"iterations and stageLength: must be at least 1, got {Iterations} and {StageLength}.");
        }

        if (!(StepSize > 0) || double.IsInfinity(StepSize))
        {
            throw new ArgumentException($"stepSize: must be positive and finite, got {StepSize}.");
        }

        if (!(Epsilon > 0 && Epsilon < 1))
        {
            throw new ArgumentException($"epsilon: must lie in (0, 1), got {Epsilon}.");
        }

        if (Probes < 1)
        {
            throw new ArgumentException($"probes: must be at least 1, got {Probes}.");
        }

        if (StepDecay is double t0 && !(t0 > 0 && double.IsFinite(t0)))
        {
            throw new ArgumentException($"stepDecay: t₀ must be positive and finite, got {t0}.");
        }

        if (InitialSamples is not null && InitialSamples.Count != n)
        {
            throw new ArgumentException($"initialSamples: expected {n} entries, got {InitialSamples.Count}.");
        }
    }
}
