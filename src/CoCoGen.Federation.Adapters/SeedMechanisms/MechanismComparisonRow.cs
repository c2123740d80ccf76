namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>One mechanism's equilibrium in the columns of the M^Shap paper's Table 1.</summary>
/// <param name="Mechanism">M^0, M^BG, M^Shap, ...</param>
/// <param name="DataShare">‖s‖₁ / Σ τ_i.</param>
/// <param name="AverageAccuracy">(1/n) Σ a_i(s) of the closed-form payoffs.</param>
/// <param name="TrainedAccuracy">Average accuracy of a model trained with s (Table 1's column), when trained.</param>
/// <param name="DataGain">‖s‖₁ / ‖s⁰‖₁.</param>
/// <param name="AccuracyGain">Σ a_i(s) / Σ a_i(s⁰).</param>
/// <param name="Reciprocity">min_i (gain + payment) / φ_i.</param>
/// <param name="Welfare">Σ_i a_i(s) − c_i(s_i).</param>
public sealed record MechanismComparisonRow(
    string Mechanism,
    double DataShare,
    double AverageAccuracy,
    double? TrainedAccuracy,
    double DataGain,
    double AccuracyGain,
    double Reciprocity,
    double Welfare);
