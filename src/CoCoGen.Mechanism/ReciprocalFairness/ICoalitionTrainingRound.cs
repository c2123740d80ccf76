namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>One training iteration of FedBR-Shap, before the server commits the new global model.</summary>
public interface ICoalitionTrainingRound
{
    /// <summary>Σ_j a_j(θ_X^t), θ_X^t the average of the local models of coalition X (bitmask); X = 0 is θ^{t−1}.</summary>
    double CumulativeAccuracy(long coalition);

    /// <summary>The same with agent <paramref name="probed"/>'s probe T_i^{ε,k}, k = <paramref name="probe"/>, in place of T_i (<paramref name="probed"/> ∈ X).</summary>
    double CumulativeAccuracyWithProbe(long coalition, int probed, int probe);

    /// <summary>Sets θ^t = θ_N^t and returns a_j(θ^t) for every agent.</summary>
    IReadOnlyList<double> Commit();
}
