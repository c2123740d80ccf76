using System.Collections.Concurrent;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>
/// A member's verifier whose verdict the test sets: it accepts (the default) or rejects with the given objection, and
/// stays silent (never answers: the member does not vote); it remembers every commitment it was shown, so a test can see
/// what the member read from the chain.
/// </summary>
internal sealed class ScriptedCommitmentVerifier : ICommitmentVerifier
{
    /// <summary>When set, every commitment (of the rounds in <see cref="RejectRounds"/>, or all when that is empty) is rejected with this objection.</summary>
    public string? Objection { get; set; }

    public HashSet<int> RejectRounds { get; } = [];

    /// <summary>Never answers (until cancelled), so the member casts no vote.</summary>
    public bool Silent { get; set; }

    public ConcurrentQueue<RoundCommitment> Seen { get; } = new();

    public async Task<CommitmentVerdict> VerifyAsync(string organization, RoundCommitment commitment, MemberRoundFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        Seen.Enqueue(commitment);
        if (Silent)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Objection is { } objection && (RejectRounds.Count == 0 || RejectRounds.Contains(commitment.Round))
            ? CommitmentVerdict.Reject([$"round {commitment.Round}, organization {organization}: {objection}"])
            : CommitmentVerdict.Accept;
    }
}
