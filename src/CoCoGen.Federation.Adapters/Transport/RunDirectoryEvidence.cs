using System.Text.Json;
using System.Text.RegularExpressions;
using CoCoGen.Federation.Adapters.Authentication;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// Evidence in a run directory: <c>evidence/&lt;bundle-hash&gt;.json</c> (a round's manifest with a top-level
/// <c>round</c>) and <c>evidence/blobs/&lt;hash&gt;.bin</c>, each named by the keccak-256 of its bytes. A file whose
/// bytes do not hash to its name is not served. Names are checked to be 64 hex digits, so no request reaches
/// outside the folder.
/// </summary>
public sealed partial class RunDirectoryEvidence(string runDirectory) : IEvidenceSource
{
    private readonly string _folder = Path.Combine(runDirectory, "evidence");

    /// <inheritdoc/>
    public EvidenceManifestFile? TryGetManifest(long round)
    {
        if (!Directory.Exists(_folder))
        {
            return null;
        }

        foreach (var file in Directory.EnumerateFiles(_folder, "*.json"))
        {
            if (Read(Path.GetFileNameWithoutExtension(file)) is { } manifest && manifest.Round == round)
            {
                return manifest;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public EvidenceManifestFile? TryGetManifest(string bundleHash) => Normalise(bundleHash) is { } name ? Read(name) : null;

    /// <inheritdoc/>
    public Stream? TryOpenBlob(string hash)
    {
        if (Normalise(hash) is not { } name)
        {
            return null;
        }

        var file = Path.Combine(_folder, "blobs", name + ".bin");
        if (!File.Exists(file))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(file);
        return Convert.ToHexStringLower(SignatureRecovery.Keccak(bytes)) == name ? new MemoryStream(bytes, writable: false) : null;
    }

    private EvidenceManifestFile? Read(string name)
    {
        if (Normalise(name) is not { } hash)
        {
            return null;
        }

        var file = Path.Combine(_folder, hash + ".json");
        if (!File.Exists(file))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(file);
        if (Convert.ToHexStringLower(SignatureRecovery.Keccak(bytes)) != hash)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            return json.RootElement.TryGetProperty("round", out var round) && round.TryGetInt64(out var number)
                ? new EvidenceManifestFile(number, hash, bytes)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Normalise(string? hash)
    {
        var bare = hash is not null && hash.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hash[2..] : hash;
        return bare is not null && HexHash().IsMatch(bare) ? bare.ToLowerInvariant() : null;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HexHash();
}
