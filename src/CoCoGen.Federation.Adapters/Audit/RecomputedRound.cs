using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>What recomputing one round's bundle found.</summary>
/// <param name="Manifest">The bundle's manifest, when it could be read and hashes to its name.</param>
/// <param name="Checks">Every check of the bundle against the recomputation, passed or not, each naming round and organization.</param>
/// <param name="Figures">The recomputed figures; null when the bundle could not be recomputed (a missing or changed file, a malformed manifest).</param>
public sealed record RecomputedRound(EvidenceManifest? Manifest, IReadOnlyList<AuditCheck> Checks, RecomputedFigures? Figures);
