namespace CoCoGen.Federation.Records;

/// <summary>A trained round waiting for (or part way through) settlement.</summary>
public sealed record PendingRound
{
    /// <summary>The round's record, complete except for the settlement; its contributions are what the coordinator commits.</summary>
    public required RoundRecord Record { get; init; }

    /// <summary>
    /// Transactions already mined for this round (the coordinator's, and the votes it was told of), so a resumed run can
    /// record them; what it sends next it decides from the chain, never from this journal alone.
    /// </summary>
    public required IReadOnlyList<TransactionRecord> Journal { get; init; }

    /// <summary>
    /// M^Shap's net vector in wei by member index, when the round is paid by a committed net vector (decimal strings);
    /// null when the pair rule pays from the committed contributions.
    /// </summary>
    public IReadOnlyList<string>? NetWei { get; init; }
}
