using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Records;

/// <summary>
/// A round's evidence bundle: everything a member or auditor needs to recompute the round's contributions and
/// transfers bit for bit. Stored as evidence/&lt;keccak of its bytes&gt;.json, the weights it names as
/// evidence/blobs/&lt;keccak&gt;.bin; the manifest's hash is the round's evidence commitment.
/// </summary>
public sealed record EvidenceManifest
{
    /// <summary>Format version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Round number.</summary>
    public required int Round { get; init; }

    /// <summary>Chain id of the settlement.</summary>
    public required long ChainId { get; init; }

    /// <summary>Settlement contract address.</summary>
    public required ChainAddress Contract { get; init; }

    /// <summary>How x_i is measured: performance, data or shapley.</summary>
    public required string Measure { get; init; }

    /// <summary>The aggregation and screening rule, with its parameters.</summary>
    public required EvidenceRule Rule { get; init; }

    /// <summary>The round's validation subset (seed revealed) and L.</summary>
    public required ValidationRecord Validation { get; init; }

    /// <summary>Hash of the global weights before the round (a blob).</summary>
    public required string GlobalBefore { get; init; }

    /// <summary>Hash of the global weights after the round: the aggregate of <see cref="Updates"/> (a blob).</summary>
    public required string GlobalAfter { get; init; }

    /// <summary>The accepted updates in summation order (ascending ordinal organization id).</summary>
    public required IReadOnlyList<EvidenceUpdate> Updates { get; init; }

    /// <summary>Per organization in registration order: outcome, L(−i), x_i and the transfer.</summary>
    public required IReadOnlyList<EvidenceContribution> Contributions { get; init; }

    /// <summary>Seed of the Shapley permutations, when sampled.</summary>
    public int? ShapleySeed { get; init; }

    /// <summary>Permutations sampled (0: none).</summary>
    public int ShapleyPermutations { get; init; }
}
