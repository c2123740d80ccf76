namespace CoCoGen.Federation.Ports;

/// <summary>The contract's timeouts, in seconds of chain time.</summary>
/// <param name="CommitSeconds">From opening to the last second the coordinator may commit; after it anyone abandons the round.</param>
/// <param name="ChallengeWindowSeconds">From the commitment to the last second members may vote; silence is acceptance.</param>
/// <param name="AbsenceSeconds">Without a new round, after which members may replace the coordinator (≥ commit + window).</param>
public sealed record SettlementTimeouts(ulong CommitSeconds, ulong ChallengeWindowSeconds, ulong AbsenceSeconds);
