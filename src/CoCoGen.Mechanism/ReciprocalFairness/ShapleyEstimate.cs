namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>A Monte Carlo Shapley estimate and its stated error.</summary>
/// <param name="Values">φ̂_i.</param>
/// <param name="StandardErrors">Per-agent CLT standard error s_i/√m of φ̂_i.</param>
/// <param name="HoeffdingHalfWidth">ε with P(max_i |φ̂_i − φ_i| ≥ ε) ≤ δ.</param>
/// <param name="Permutations">m.</param>
/// <param name="Delta">δ.</param>
public sealed record ShapleyEstimate(
    IReadOnlyList<double> Values,
    IReadOnlyList<double> StandardErrors,
    double HoeffdingHalfWidth,
    int Permutations,
    double Delta);
