namespace CoCoGen.Federation.Ports;

/// <summary>Where a round stands on chain: what a resumed coordinator reconciles with before it sends anything.</summary>
/// <param name="Round">Round number.</param>
/// <param name="Status">The round's status.</param>
/// <param name="Mode">The settlement rule committed at opening.</param>
/// <param name="SeedHash">The validation seed's hash committed at opening.</param>
/// <param name="EvidenceRoot">The evidence bundle's hash committed with the values (zero before).</param>
/// <param name="CommitDeadline">Last second (chain time) of the commitment.</param>
/// <param name="ChallengeDeadline">Last second of the votes (0 before the commitment).</param>
/// <param name="Active">Per member index: takes part in the round.</param>
/// <param name="Accepted">Per member index: accepted the commitment.</param>
/// <param name="Rejected">Per member index: rejected it.</param>
public sealed record SettlementRoundState(
    int Round,
    SettlementRoundStatus Status,
    SettlementMode Mode,
    Hash32 SeedHash,
    Hash32 EvidenceRoot,
    long CommitDeadline,
    long ChallengeDeadline,
    IReadOnlyList<bool> Active,
    IReadOnlyList<bool> Accepted,
    IReadOnlyList<bool> Rejected)
{
    /// <summary>Members taking part.</summary>
    public int ActiveMembers => Active.Count(a => a);

    /// <summary>Acceptances so far.</summary>
    public int Acceptances => Accepted.Count(a => a);

    /// <summary>Rejections so far.</summary>
    public int Rejections => Rejected.Count(r => r);

    /// <summary>
    /// Enough members accepted that the others cannot form a rejecting strict majority, so settleRound succeeds before
    /// the window ends (the contract's own test: (n − accepts)·2 ≤ n).
    /// </summary>
    public bool Decided => (ActiveMembers - Acceptances) * 2 <= ActiveMembers;
}
