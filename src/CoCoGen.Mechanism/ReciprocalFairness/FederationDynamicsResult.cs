namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>Where best-response dynamics stopped.</summary>
/// <param name="Samples">s^T, an approximate Nash equilibrium.</param>
/// <param name="Iterations">Steps taken.</param>
/// <param name="Residual">‖g(s^T, μ^T)‖₂ at the last evaluated point.</param>
public sealed record FederationDynamicsResult(IReadOnlyList<double> Samples, int Iterations, double Residual);
