using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Records;

/// <summary>How a round was settled on chain.</summary>
public sealed record SettlementRecord
{
    /// <summary>Chain id.</summary>
    public required long ChainId { get; init; }

    /// <summary>Settlement contract address.</summary>
    public required ChainAddress Contract { get; init; }

    /// <summary>Final round status on chain.</summary>
    public required string Status { get; init; }

    /// <summary>Each coordinator transaction of the round (openRound, profileRecord:orgX, closeRound, payoffTransfer).</summary>
    public required IReadOnlyList<TransactionRecord> Transactions { get; init; }
}
