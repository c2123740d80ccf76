using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Records;

/// <summary>A trained round waiting for (or part way through) settlement.</summary>
public sealed record PendingRound
{
    /// <summary>The round's record, complete except for the settlement.</summary>
    public required RoundRecord Record { get; init; }

    /// <summary>Per organization, the profile to settle; null for stragglers and rejected updates.</summary>
    public required IReadOnlyList<ContributionProfile?> Profiles { get; init; }

    /// <summary>Transactions already mined for this round, so a resumed run skips them.</summary>
    public required IReadOnlyList<TransactionRecord> Journal { get; init; }
}
