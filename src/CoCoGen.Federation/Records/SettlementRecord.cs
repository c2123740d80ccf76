using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Records;

/// <summary>How a round was settled on chain.</summary>
public sealed record SettlementRecord
{
    /// <summary>Chain id.</summary>
    public required long ChainId { get; init; }

    /// <summary>Settlement contract address.</summary>
    public required ChainAddress Contract { get; init; }

    /// <summary>Final round status on chain: Settled, Rejected (a majority rejected: void, coordinator slashed) or Abandoned (commit missed: void, coordinator slashed).</summary>
    public required string Status { get; init; }

    /// <summary>Members that took part in the round on chain.</summary>
    public int ActiveMembers { get; init; }

    /// <summary>Acceptances cast.</summary>
    public int Acceptances { get; init; }

    /// <summary>Rejections cast.</summary>
    public int Rejections { get; init; }

    /// <summary>Each coordinator transaction of the round (openRound, commitContributions, settleRound or abandonRound).</summary>
    public required IReadOnlyList<TransactionRecord> Transactions { get; init; }
}
