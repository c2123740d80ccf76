namespace CoCoGen.Federation.Protocol;

/// <summary>
/// M^Shap's payment rule applied to one round, as FedBR-Shap applies it per stage (reciprocally fair FL,
/// Definition 4.1 and Appendix F): p_i = φ_i^A − (a_i(θ^t) − a_i(θ^{t−1})), where φ^A is the Shapley value of
/// the members' total payoff gain. Every member receives the same global model and the round's payoff is the loss
/// it saves on the common validation subset, so the total gain of a coalition S is n·(L(∅) − L(S)) and
/// φ_i^A = n·φ_i for the measured φ_i (loss saved, <see cref="Ports.RoundMeasurement.Shapley"/>). Each member's own
/// gain L(∅) − L(N) equals Σ_j φ_j, exactly for the Monte Carlo estimate too (every permutation's marginals add up
/// to it). Hence p_i = n·φ_i − Σ_j φ_j: Σ_i p_i = 0, a member that saved more loss than it received is paid, and a
/// free-rider (φ_i ≈ 0) pays its gain. Positive receives; units are loss units, converted to wei by the contract's
/// weiPerUnit.
/// </summary>
public static class ShapleyPayments
{
    /// <summary>The rule as a bundle states it (<see cref="Records.EvidenceRule.Payment"/>).</summary>
    public const string Rule =
        "mshap: p_i = n·φ_i − Σ_j φ_j over the averaged updates in ordinal order (0 for the others), × weiPerUnit to wei by largest remainder (Σ = 0), the whole vector scaled down when a debit would exceed debitCap";

    /// <summary>Writes p_i for the averaged updates' Shapley values <paramref name="shapley"/> into <paramref name="payments"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or a value is not finite (named by index).</exception>
    public static void Compute(ReadOnlySpan<double> shapley, Span<double> payments)
    {
        if (payments.Length != shapley.Length)
        {
            throw new ArgumentException($"payments: {payments.Length} entries for {shapley.Length} Shapley values", nameof(payments));
        }

        // Summed in index order, so every member recomputes the same bits.
        double gain = 0;
        for (int i = 0; i < shapley.Length; i++)
        {
            if (!double.IsFinite(shapley[i]))
            {
                throw new ArgumentException(FormattableString.Invariant($"shapley[{i}]: must be finite, got {shapley[i]}"), nameof(shapley));
            }

            gain += shapley[i];
        }

        int n = shapley.Length;
        for (int i = 0; i < n; i++)
        {
            payments[i] = (n * shapley[i]) - gain;
        }
    }
}
