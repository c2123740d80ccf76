namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>A round's evidence manifest as stored.</summary>
/// <param name="Round">Round it describes.</param>
/// <param name="BundleHash">Lower-case hex keccak-256 of <paramref name="Bytes"/>: its name.</param>
/// <param name="Bytes">The manifest file, unchanged.</param>
public sealed record EvidenceManifestFile(long Round, string BundleHash, byte[] Bytes);
