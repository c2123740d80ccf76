namespace CoCoGen.Federation.Records;

/// <summary>The rule of record for aggregation, screening and sample counts, with its parameters.</summary>
/// <param name="Aggregation">The aggregation's definition (docs/canonical-evaluation.md).</param>
/// <param name="Screen">The screen's definition.</param>
/// <param name="UpdateNormFactor">An update farther from the global model than this many times the round's median distance is rejected.</param>
/// <param name="VerifiedSamples">How an update's FedAvg weight is bounded by what the coordinator can verify.</param>
/// <param name="Tolerance">|x_i| below this is numerical noise (float32 inference); a free-rider's x_i ≤ this.</param>
public sealed record EvidenceRule(string Aggregation, string Screen, double UpdateNormFactor, string VerifiedSamples, double Tolerance)
{
    /// <summary>The pair rule as a bundle states it.</summary>
    public const string PairRulePayment =
        "pair rule: r_ij = γ ρ̂_ij (x_i − x_j) in wad, × weiPerUnit, each pair clamped to ±floor(debitCap/(n−1)); net_i = Σ_j r_ij";

    /// <summary>
    /// How the transfers follow from the measurement: <see cref="PairRulePayment"/> or
    /// <see cref="Protocol.ShapleyPayments.Rule"/>; absent in bundles written before M^Shap joined the run (the pair rule).
    /// </summary>
    public string? Payment { get; init; }
}
