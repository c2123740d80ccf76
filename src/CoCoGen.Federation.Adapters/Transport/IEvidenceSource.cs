namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>Where the coordinator finds the rounds' evidence bundles it serves to members.</summary>
public interface IEvidenceSource
{
    /// <summary>Round <paramref name="round"/>'s manifest; null when the round has none yet.</summary>
    EvidenceManifestFile? TryGetManifest(long round);

    /// <summary>The manifest named <paramref name="bundleHash"/> (hex keccak-256); null when unknown.</summary>
    EvidenceManifestFile? TryGetManifest(string bundleHash);

    /// <summary>The blob named <paramref name="hash"/> (hex keccak-256), opened for reading; null when unknown.</summary>
    Stream? TryOpenBlob(string hash);
}
