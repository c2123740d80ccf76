using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Adapters.Transport;

namespace CoCoGen.Federation.Adapters.Verification;

/// <summary>
/// A round's evidence bundle fetched from the coordinator over the signed evidence RPCs: the organization process's
/// view of the coordinator's run directory. Every reply is checked to be signed by the coordinator and every file to
/// hash to its name before it is returned (<see cref="CoordinatorConnection"/>).
/// </summary>
public sealed class CoordinatorBundleReader(CoordinatorConnection connection, string coordinator) : IEvidenceBundleReader
{
    /// <inheritdoc/>
    public string Location => $"the coordinator at {coordinator}";

    /// <inheritdoc/>
    public Task<byte[]?> ReadManifestAsync(string bundleHash, CancellationToken cancellationToken) => connection.EvidenceManifestAsync(bundleHash, cancellationToken);

    /// <inheritdoc/>
    public Task<byte[]?> ReadBlobAsync(string hash, CancellationToken cancellationToken) => connection.EvidenceBlobAsync(hash, cancellationToken);
}
