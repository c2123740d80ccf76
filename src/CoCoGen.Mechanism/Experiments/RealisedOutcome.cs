namespace CoCoGen.Mechanism.Experiments;

/// <summary>Every component of the realised utilities of one round (model.md §3 on measured quantities).</summary>
/// <param name="Revenue">p_i (L_0 − L_measured).</param>
/// <param name="Cost">ω κ_i f_i² (c^t trained_i + c^g generated_i) + fee.</param>
/// <param name="CompetitionLoss">Σ_j φ_j ρ̂_ij (x_i − x_j) on measured x.</param>
/// <param name="Transfer">R_i = Σ_j γ ρ̂_ij (x_i − x_j) on measured x.</param>
/// <param name="Utility">Revenue − cost − competition loss + transfer.</param>
/// <param name="SocialWelfare">Σ_i U_i.</param>
/// <param name="TransferSum">Σ_i R_i: zero up to rounding, because r_ij = −r_ji (budget balance).</param>
public sealed record RealisedOutcome(
    IReadOnlyList<double> Revenue,
    IReadOnlyList<double> Cost,
    IReadOnlyList<double> CompetitionLoss,
    IReadOnlyList<double> Transfer,
    IReadOnlyList<double> Utility,
    double SocialWelfare,
    double TransferSum);
