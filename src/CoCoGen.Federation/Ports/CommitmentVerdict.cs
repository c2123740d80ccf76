namespace CoCoGen.Federation.Ports;

/// <summary>A member's verdict on a round's commitment after recomputing it in its own process.</summary>
/// <param name="Accepted">True when every committed field matched the member's own recomputation.</param>
/// <param name="Objections">One line per field that did not match (round, organization, field, both values); empty when accepted.</param>
public sealed record CommitmentVerdict(bool Accepted, IReadOnlyList<string> Objections)
{
    /// <summary>A verdict with no objection.</summary>
    public static CommitmentVerdict Accept { get; } = new(true, []);

    /// <summary>A rejection with its reasons.</summary>
    public static CommitmentVerdict Reject(IReadOnlyList<string> objections) =>
        objections is { Count: > 0 } ? new(false, objections) : throw new ArgumentException("a rejection needs a reason", nameof(objections));
}
