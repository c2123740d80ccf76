using System.Numerics;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>A round's figures as a recomputation found them; per-member lists are in registration order.</summary>
/// <param name="AggregateHash">Keccak-256 of the recomputed aggregate (the next global model).</param>
/// <param name="SubsetHash">SHA-256 of the validation subset the revealed seed draws.</param>
/// <param name="SubsetSize">Images in that subset.</param>
/// <param name="Loss">L, the aggregate's loss on the subset.</param>
/// <param name="Accuracy">The aggregate's accuracy on the subset.</param>
/// <param name="LossWithout">L(−i) of each member whose update was averaged (null for the others).</param>
/// <param name="Shapley">Each averaged member's Shapley value, when the bundle records sampling.</param>
/// <param name="VerifiedSamples">Each averaged member's verified count, recomputed where its g_i* is known (else the bundle's, within its bounds).</param>
/// <param name="Contribution">x_i under the bundle's measure (0 for members not averaged).</param>
/// <param name="ContributionWad">x_i × 1e18 as the contract takes it.</param>
/// <param name="NetWei">The net transfer in wei from <paramref name="ContributionWad"/> and the contract's terms.</param>
public sealed record RecomputedFigures(
    string AggregateHash,
    string SubsetHash,
    int SubsetSize,
    double Loss,
    double Accuracy,
    IReadOnlyList<double?> LossWithout,
    IReadOnlyList<double?> Shapley,
    IReadOnlyList<long?> VerifiedSamples,
    IReadOnlyList<double> Contribution,
    IReadOnlyList<BigInteger> ContributionWad,
    IReadOnlyList<BigInteger> NetWei);
