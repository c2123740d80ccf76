using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>The contract's bond limits (minBond ≥ debitCap + stake, so a member in a round can always pay).</summary>
/// <param name="MinBondWei">A member takes part in a round only if its bond is at least this when the round opens.</param>
/// <param name="DebitCapWei">The most a member pays in one round; the pair rule clamps each pair to ±floor(cap/(n−1)).</param>
/// <param name="ChallengeStakeWei">What a member stakes to reject a commitment (forfeited to the others if the round stands).</param>
/// <param name="CoordinatorBondWei">The coordinator's required bond when a round opens; what a rejected or abandoned round slashes.</param>
public sealed record SettlementLimits(BigInteger MinBondWei, BigInteger DebitCapWei, BigInteger ChallengeStakeWei, BigInteger CoordinatorBondWei);
