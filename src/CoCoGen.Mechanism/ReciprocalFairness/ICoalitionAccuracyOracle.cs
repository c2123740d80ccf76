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
    /// Every agent i trains a local model T_i on s_i batches and a probe T_i^ε on s_i + ε batches, both from θ^{t−1}
    /// (Algorithm 1, line 9). The returned round evaluates coalition models; committing it makes θ^t the average
    /// of all local models (line 10).
    /// </summary>
    ICoalitionTrainingRound Train(IReadOnlyList<double> samples, double epsilon);
}
