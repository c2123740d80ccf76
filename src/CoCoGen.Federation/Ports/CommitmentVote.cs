namespace CoCoGen.Federation.Ports;

/// <summary>An organization's vote on a round's commitment, cast from its own account after its own check.</summary>
/// <param name="Accepted">True: acceptCommitment; false: rejectCommitment (with a stake).</param>
/// <param name="Objections">Why it rejected (from its verifier and its own checks); empty when it accepted.</param>
/// <param name="Transaction">The vote's transaction.</param>
public sealed record CommitmentVote(bool Accepted, IReadOnlyList<string> Objections, ChainReceipt Transaction);
