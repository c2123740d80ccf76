namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>What an audit of a run directory against the chain found.</summary>
/// <param name="RoundsChecked">Rounds of rounds.jsonl checked.</param>
/// <param name="Checks">Individual checks made.</param>
/// <param name="Violations">Every disagreement, each naming the round, organization and figure.</param>
public sealed record AuditReport(int RoundsChecked, int Checks, IReadOnlyList<string> Violations)
{
    /// <summary>True when the chain agrees with the record everywhere.</summary>
    public bool Passed => Violations.Count == 0 && RoundsChecked > 0;
}
