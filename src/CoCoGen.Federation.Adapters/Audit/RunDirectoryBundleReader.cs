using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>
/// The evidence bundles of a run directory (<c>evidence/&lt;hash&gt;.json</c>, <c>evidence/blobs/&lt;hash&gt;.bin</c>), read
/// as stored: a changed file is returned changed, so the recomputation can say it was changed rather than missing.
/// </summary>
public sealed class RunDirectoryBundleReader(RunDirectory directory) : IEvidenceBundleReader
{
    /// <inheritdoc/>
    public string Location => directory.EvidenceDirectory;

    /// <inheritdoc/>
    public Task<byte[]?> ReadManifestAsync(string bundleHash, CancellationToken cancellationToken) =>
        ReadAsync(directory.EvidenceManifestFile(bundleHash), cancellationToken);

    /// <inheritdoc/>
    public Task<byte[]?> ReadBlobAsync(string hash, CancellationToken cancellationToken) =>
        ReadAsync(directory.EvidenceBlobFile(hash), cancellationToken);

    private static async Task<byte[]?> ReadAsync(string file, CancellationToken cancellationToken) =>
        File.Exists(file) ? await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false) : null;
}
