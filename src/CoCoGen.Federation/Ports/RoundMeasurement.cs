namespace CoCoGen.Federation.Ports;

/// <summary>What <see cref="IContributionMeter.Measure"/> found, in the order of the updates it was given.</summary>
/// <param name="Aggregate">The FedAvg of all updates: the next global model.</param>
/// <param name="SubsetHash">SHA-256 of the drawn subset's pixels and labels (0x-prefixed hex).</param>
/// <param name="SubsetSize">Images in the subset.</param>
/// <param name="Loss">L: mean cross-entropy of <paramref name="Aggregate"/> on the subset.</param>
/// <param name="Accuracy">Accuracy of <paramref name="Aggregate"/> on the subset.</param>
/// <param name="LossWithout">L(−i) per update.</param>
/// <param name="Shapley">Shapley value per update in loss reduction (φ_i = E[L(S) − L(S ∪ i)]), when sampled.</param>
/// <param name="ShapleyStandardErrors">Standard error of each Shapley value, when sampled.</param>
public sealed record RoundMeasurement(
    ModelWeights Aggregate,
    string SubsetHash,
    int SubsetSize,
    double Loss,
    double Accuracy,
    IReadOnlyList<double> LossWithout,
    IReadOnlyList<double>? Shapley,
    IReadOnlyList<double>? ShapleyStandardErrors);
