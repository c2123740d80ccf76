namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>One check an audit made, passed or not.</summary>
/// <param name="Name">What was checked, as a short stable key (for example <c>transfer-event</c> or <c>recompute-x</c>).</param>
/// <param name="Round">The round it concerns, or null for a run-wide check.</param>
/// <param name="Organization">The organization it concerns, or null.</param>
/// <param name="Passed">True when the record and what was verified agree.</param>
/// <param name="Detail">What was compared; for a failed check, the violation in one line naming round and organization.</param>
public sealed record AuditCheck(string Name, int? Round, string? Organization, bool Passed, string Detail);
