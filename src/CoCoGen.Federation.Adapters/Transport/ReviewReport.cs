namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>What an organization reported for its review work: the vote's transaction and its reasons for rejecting.</summary>
/// <param name="TransactionHash">0x-prefixed hash of its acceptCommitment or rejectCommitment transaction.</param>
/// <param name="Objections">Its objections (empty: it accepted).</param>
internal sealed record ReviewReport(string TransactionHash, IReadOnlyList<string> Objections);
