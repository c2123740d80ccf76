using System.Numerics;

namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>The bond limits of <c>setLimits</c>; the contract requires minBond ≥ debitCap + stake, so no payer is ever uncovered.</summary>
/// <param name="MinBondWei">A member takes part in a round only if its bond is at least this at openRound.</param>
/// <param name="DebitCapWei">The most a member pays in one round (part of the published rule).</param>
/// <param name="ChallengeStakeWei">What a member stakes from its bond to reject a commitment.</param>
/// <param name="CoordinatorBondWei">The coordinator's required bond at openRound; what a void round slashes.</param>
public sealed record SettlementLimits(BigInteger MinBondWei, BigInteger DebitCapWei, BigInteger ChallengeStakeWei, BigInteger CoordinatorBondWei);
