namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>
/// What an audit of a run directory found: which chain, contract and blocks it read, every check it made, and what it
/// cannot check. Violations and the verdict are derived from the checks, so a check added later (the evidence
/// recomputation) counts like any other.
/// </summary>
public sealed record AuditReport
{
    /// <summary>A statement for <see cref="NotChecked"/> when the evidence was not recomputed.</summary>
    public const string RecomputationNotRequested = "evidence recomputation: not requested (run with --recompute)";

    /// <summary>The chain id the audit read (the endpoint was checked to serve it).</summary>
    public required long ChainId { get; init; }

    /// <summary>The settlement contract read, or null when the record names none.</summary>
    public string? Contract { get; init; }

    /// <summary>The blocks whose events and receipts the audit used, and the head when it read; null when it read none.</summary>
    public AuditedBlocks? Blocks { get; init; }

    /// <summary>The contract's members, bonds, ρ̂, γ and wei per unit, as the audit read them; null when it read none.</summary>
    public AuditedContract? Terms { get; init; }

    /// <summary>Rounds of rounds.jsonl checked.</summary>
    public required int RoundsChecked { get; init; }

    /// <summary>Every check made, in the order made.</summary>
    public required IReadOnlyList<AuditCheck> Checks { get; init; }

    /// <summary>What this audit cannot or did not check, in plain statements.</summary>
    public required IReadOnlyList<string> NotChecked { get; init; }

    /// <summary>Every failed check's detail, each naming the round, organization and figure.</summary>
    public IReadOnlyList<string> Violations => Checks.Where(c => !c.Passed).Select(c => c.Detail).ToArray();

    /// <summary>True when at least one round was checked and every check passed.</summary>
    public bool Passed => RoundsChecked > 0 && Checks.All(c => c.Passed);

    /// <summary>The verdict in one line, as `cocogen audit` ends: <c>passed|FAILED: R rounds, C checks, V violations</c>.</summary>
    public string Summary() =>
        FormattableString.Invariant($"{(Passed ? "passed" : "FAILED")}: {RoundsChecked} rounds, {Checks.Count} checks, {Violations.Count} violations");

    /// <summary>
    /// This report with checks made elsewhere (for example the evidence recomputation) appended, and the statements in
    /// <paramref name="notChecked"/> added to <see cref="NotChecked"/> (each once).
    /// </summary>
    public AuditReport With(IEnumerable<AuditCheck> checks, IEnumerable<string> notChecked)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(notChecked);
        return this with { Checks = [.. Checks, .. checks], NotChecked = NotChecked.Concat(notChecked).Distinct(StringComparer.Ordinal).ToArray() };
    }
}
