using System.Text.Json;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Protocol;

/// <summary>Writes a round's evidence bundle into the run directory and returns its hash, the round's commitment.</summary>
internal static class RoundEvidence
{
    /// <summary>The aggregation of record, as the manifest states it.</summary>
    public const string Aggregation =
        "canonical-fedavg/v1: updates in ascending ordinal organization order; c_k = (double)n_k / (double)Σn; acc = acc + c_k·(double)θ_k[e] in float64 without FMA; (float)acc; L(−i) summed directly over the others (docs/canonical-evaluation.md)";

    /// <summary>The screen, as the manifest states it.</summary>
    public const string Screen =
        "rejected: wrong parameter count, non-finite weights or training loss, or distance to the global model above UpdateNormFactor × the round's median distance";

    /// <summary>|x_i| below this is float32 noise; a returned global model measures x_i ≤ this.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>Stores the weights and the manifest; returns the manifest's hash.</summary>
    public static string Write(RunDirectory directory, IWeightsHasher hasher, EvidenceManifest manifest, IEnumerable<ModelWeights> weights)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var w in weights)
        {
            var bytes = w.ToBytes();
            directory.WriteEvidenceBlob(hasher.HashBytes(bytes), bytes);
        }

        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, RunJson.Indented);
        var hash = hasher.HashBytes(manifestBytes);
        directory.WriteEvidenceManifest(hash, manifestBytes);
        return hash;
    }
}
