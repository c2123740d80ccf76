namespace CoCoGen.Federation.Ports;

/// <summary>
/// An organization's own check of a round's on-chain commitment: it fetches the round's evidence bundle,
/// recomputes every aggregate, evaluation, contribution and transfer with its own evaluator (sharing no state
/// with the coordinator's), and compares each committed field with what it found.
/// </summary>
public interface ICommitmentVerifier
{
    /// <summary>Verifies <paramref name="commitment"/> on behalf of organization <paramref name="organization"/>.</summary>
    Task<CommitmentVerdict> VerifyAsync(string organization, RoundCommitment commitment, CancellationToken cancellationToken);
}
