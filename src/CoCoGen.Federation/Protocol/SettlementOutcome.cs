using System.Numerics;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Protocol;

/// <summary>What step 7 established on chain for one round, in registration order; the round record is built from it.</summary>
/// <param name="Status">The round's final status on chain.</param>
/// <param name="ChainId">The chain.</param>
/// <param name="Contract">The settlement contract.</param>
/// <param name="Transactions">The coordinator's transactions of the round, in the order sent.</param>
/// <param name="PreviewNetWei">The coordinator's own computation of every member's net transfer.</param>
/// <param name="ChainNetWei">The contract's, checked equal to the preview before any transfer.</param>
/// <param name="Submissions">Each member's own submission transaction, where it made one.</param>
public sealed record SettlementOutcome(
    string Status,
    long ChainId,
    ChainAddress Contract,
    IReadOnlyList<TransactionRecord> Transactions,
    IReadOnlyList<BigInteger> PreviewNetWei,
    IReadOnlyList<BigInteger> ChainNetWei,
    IReadOnlyList<TransactionRecord?> Submissions);
