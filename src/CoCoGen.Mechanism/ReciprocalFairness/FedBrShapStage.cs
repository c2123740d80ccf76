namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>One stage h of FedBR-Shap.</summary>
/// <param name="Stage">h, from 1.</param>
/// <param name="Samples">s at the end of the stage.</param>
/// <param name="Shapley">φ_i^h, each agent's share of the stage's accuracy gain.</param>
/// <param name="Payments">p_i^h = φ_i^h − (a_i(θ^t) − a_i(θ^{t−W})); sums to zero.</param>
/// <param name="Accuracies">a_i(θ^t) at the end of the stage.</param>
public sealed record FedBrShapStage(
    int Stage,
    IReadOnlyList<double> Samples,
    IReadOnlyList<double> Shapley,
    IReadOnlyList<double> Payments,
    IReadOnlyList<double> Accuracies);
