namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>
/// Where a recomputation reads a round's evidence bundle from: the coordinator's run directory (an auditor, or an
/// organization in the one-process shape) or the coordinator's signed evidence RPCs (an organization process). The
/// reader returns bytes as found; the recomputation hashes every one against its name itself.
/// </summary>
public interface IEvidenceBundleReader
{
    /// <summary>Where the bundles come from, for messages (a folder, a coordinator).</summary>
    string Location { get; }

    /// <summary>The manifest named <paramref name="bundleHash"/>; null when there is none.</summary>
    /// <exception cref="InvalidDataException">The name is malformed, or what arrived is not what was asked for.</exception>
    Task<byte[]?> ReadManifestAsync(string bundleHash, CancellationToken cancellationToken);

    /// <summary>The weights blob named <paramref name="hash"/>; null when there is none.</summary>
    /// <exception cref="InvalidDataException">The name is malformed, or what arrived is not what was asked for.</exception>
    Task<byte[]?> ReadBlobAsync(string hash, CancellationToken cancellationToken);
}
