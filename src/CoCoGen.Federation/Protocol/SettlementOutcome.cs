using System.Numerics;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Protocol;

/// <summary>What step 7 established on chain for one round, in registration order; the round record is built from it.</summary>
/// <param name="State">The round's final state on chain (status, votes).</param>
/// <param name="ChainId">The chain.</param>
/// <param name="Contract">The settlement contract.</param>
/// <param name="Transactions">The coordinator's transactions of the round, in the order sent.</param>
/// <param name="PreviewNetWei">The coordinator's own computation of every member's net transfer by the pair rule.</param>
/// <param name="ChainNetWei">The contract's (payoffCalculate while committed), checked equal to the preview; null when the round was void before.</param>
/// <param name="TransferredWei">What settleRound moved per member (net plus stake shares); 0 for a void round.</param>
/// <param name="Votes">Each member's vote, where it cast one.</param>
public sealed record SettlementOutcome(
    SettlementRoundState State,
    long ChainId,
    ChainAddress Contract,
    IReadOnlyList<TransactionRecord> Transactions,
    IReadOnlyList<BigInteger> PreviewNetWei,
    IReadOnlyList<BigInteger>? ChainNetWei,
    IReadOnlyList<BigInteger> TransferredWei,
    IReadOnlyList<VoteRecord?> Votes);
