using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>A member's profile for one round as the settlement contract stores it (fixed point, 1e18 = 1).</summary>
/// <param name="LocalSamples">Real samples trained on.</param>
/// <param name="SyntheticSamples">Synthetic samples trained on.</param>
/// <param name="LossWad">Training loss × 1e18.</param>
/// <param name="ContributionWad">Contribution x_i × 1e18 (signed).</param>
/// <param name="WeightsHash">Keccak-256 of the update's weights (32 bytes, 0x-prefixed hex).</param>
public sealed record ContributionProfile(
    ulong LocalSamples,
    ulong SyntheticSamples,
    BigInteger LossWad,
    BigInteger ContributionWad,
    string WeightsHash);
