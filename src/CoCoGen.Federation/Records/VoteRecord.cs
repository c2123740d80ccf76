using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Records;

/// <summary>An organization's vote on its round's commitment, as the chain shows it.</summary>
/// <param name="Accepted">True: it accepted; false: it rejected (staking the challenge stake).</param>
/// <param name="Objections">Its reasons for rejecting, as it gave them (empty when accepted, or when the vote was cast before a resume).</param>
/// <param name="Transaction">The vote's transaction, when this run saw it.</param>
/// <param name="Block">Its block.</param>
public sealed record VoteRecord(bool Accepted, IReadOnlyList<string> Objections, Hash32? Transaction, long? Block);
