namespace CoCoGen.Federation.Ports;

/// <summary>
/// An organization's own check of a round's on-chain commitment: it fetches the round's evidence bundle,
/// recomputes every aggregate, evaluation, contribution and transfer with its own evaluator (sharing no state
/// with the coordinator's), and compares each committed field with what it found.
/// </summary>
public interface ICommitmentVerifier
{
    /// <summary>Verifies <paramref name="commitment"/> on behalf of organization <paramref name="organization"/>.</summary>
    /// <param name="organization">The member verifying.</param>
    /// <param name="commitment">The commitment the member read from the contract.</param>
    /// <param name="facts">What the member itself knows of the round (its upload among them), checked against the evidence.</param>
    /// <param name="cancellationToken">Stops the fetch and the recomputation.</param>
    Task<CommitmentVerdict> VerifyAsync(string organization, RoundCommitment commitment, MemberRoundFacts facts, CancellationToken cancellationToken);
}
