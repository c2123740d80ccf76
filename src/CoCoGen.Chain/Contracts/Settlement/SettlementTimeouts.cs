namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>The constructor's timeouts, in seconds of chain time.</summary>
/// <param name="CommitSeconds">From openRound to the last second the coordinator may commit.</param>
/// <param name="ChallengeWindowSeconds">From the commitment to the last second members may vote; also the notice of a rule change.</param>
/// <param name="AbsenceSeconds">Without a new round, after which members may replace the coordinator (≥ commit + window).</param>
public sealed record SettlementTimeouts(ulong CommitSeconds, ulong ChallengeWindowSeconds, ulong AbsenceSeconds);
