namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>The outcome of FedBR-Shap.</summary>
/// <param name="Samples">The final sample vector.</param>
/// <param name="Stages">Per-stage contributions and payments.</param>
public sealed record FedBrShapResult(IReadOnlyList<double> Samples, IReadOnlyList<FedBrShapStage> Stages);
