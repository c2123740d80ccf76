namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// What FedBR-Shap (Appendix F) needs from federated training, kept abstract so the Federation layer can plug in
/// real training on the learning engine: one call runs one training iteration from the current global model θ^{t−1}.
/// </summary>
public interface ICoalitionAccuracyOracle
{
    /// <summary>n, the number of agents.</summary>
    int AgentCount { get; }

    /// <summary>a_j(θ^{t−1}) for every agent j: accuracies of the current global model on each agent's test data.</summary>
    IReadOnlyList<double> GlobalAccuracies { get; }

    /// <summary>
    /// Every agent i trains a local model T_i on s_i batches and <paramref name="probes"/> probes T_i^{ε,k}, each on
    /// ε batches more, all from θ^{t−1} (Algorithm 1, line 9, which has one probe). Probe k continues T_i on the k-th
    /// slice of ε batches after the agent's s_i: every probe shares T_i's batches (common random numbers), so a
    /// probe's difference from T_i measures only its extra batches, and the K differences are independent draws.
    /// The returned round evaluates coalition models; committing it makes θ^t the average of all local models (line 10).
    /// </summary>
    ICoalitionTrainingRound Train(IReadOnlyList<double> samples, double epsilon, int probes);
}
