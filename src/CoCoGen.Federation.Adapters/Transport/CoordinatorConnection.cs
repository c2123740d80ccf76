using System.Globalization;
using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Transport.Wire;
using CoCoGen.Federation.Ports;
using Google.Protobuf;
using Grpc.Core;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// An organization's signed calls to the coordinator. Each request is signed with the organization's key; each reply
/// that steers it must be signed by the coordinator address of the consortium configuration, over that reply and the
/// request's nonce, and downloaded weights must hash to what the signed work item names.
/// </summary>
public sealed class CoordinatorConnection(Wire.Coordinator.CoordinatorClient client, PartySigner signer, string coordinatorAddress, long maxWeightsBytes, TimeProvider time)
{
    // No call waits forever on a coordinator that stopped answering: the caller then reconnects.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The largest evidence manifest accepted (a manifest is a few KiB per member).</summary>
    public const int MaxManifestBytes = 1 << 22;

    /// <summary>The run description with a join challenge for this member, checked to be signed by the configured coordinator.</summary>
    public async Task<RunDescription> DescribeRunAsync(CancellationToken cancellationToken)
    {
        var reply = await client.DescribeRunAsync(new DescribeRunRequest { Organization = signer.Party }, deadline: Deadline(), cancellationToken: cancellationToken).ConfigureAwait(false);
        CheckReply(nameof(Wire.Coordinator.CoordinatorClient.DescribeRun), reply, reply.Coordinator, reply.Challenge, r => r.Coordinator = null);
        return reply;
    }

    /// <summary>Joins by signing <paramref name="challenge"/>; returns the coordinator's round.</summary>
    public async Task<long> JoinAsync(ByteString challenge, byte[] agreedSettingsHash, CancellationToken cancellationToken)
    {
        var request = new JoinRequest { Challenge = challenge, AgreedSettingsHash = ByteString.CopyFrom(agreedSettingsHash) };
        request.Auth = Sign("Join", 0, string.Empty, request);
        var reply = await client.JoinAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ConfigureAwait(false);
        CheckReply("Join", reply, reply.Coordinator, request.Auth.Nonce, r => r.Coordinator = null);
        return reply.Round;
    }

    /// <summary>The next piece of work, or null when none came within <paramref name="wait"/>.</summary>
    public async Task<WorkItem?> NextWorkAsync(long round, TimeSpan wait, CancellationToken cancellationToken)
    {
        var request = new NextWorkRequest { WaitMs = (long)wait.TotalMilliseconds };
        request.Auth = Sign("NextWork", round, string.Empty, request);
        var reply = await client.NextWorkAsync(request, deadline: time.GetUtcNow().UtcDateTime + wait + TimeSpan.FromSeconds(30), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        CheckReply("NextWork", reply, reply.Coordinator, request.Auth.Nonce, r => r.Coordinator = null);
        return reply.Item;
    }

    /// <summary>Downloads the weights <paramref name="work"/> names, checked against its signed hash and size.</summary>
    public async Task<ModelWeights> WeightsAsync(WorkItem work, WeightsKind which, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (expectedHash, expectedBytes) = which == WeightsKind.Global
            ? (work.GlobalWeightsHash, work.GlobalWeightsBytes)
            : (work.GeneratorWeightsHash, work.GeneratorWeightsBytes);
        if (expectedBytes <= 0 || expectedBytes > maxWeightsBytes)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"work {work.Id} names {expectedBytes} bytes of {which} weights; the limit is {maxWeightsBytes}"));
        }

        var request = new DownloadWeightsRequest { WorkId = work.Id, Which = which };
        request.Auth = Sign("DownloadWeights", work.Round, work.Id, request);
        using var call = client.DownloadWeights(request, deadline: Deadline(), cancellationToken: cancellationToken);
        var bytes = new byte[expectedBytes];
        var received = 0L;
        while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var data = call.ResponseStream.Current.Data;
            if (received + data.Length > expectedBytes)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the coordinator sent more than the {expectedBytes} bytes work {work.Id} names"));
            }

            data.Span.CopyTo(bytes.AsSpan((int)received));
            received += data.Length;
        }

        if (received != expectedBytes || !SignatureRecovery.Keccak(bytes).AsSpan().SequenceEqual(expectedHash.Span))
        {
            throw new InvalidDataException($"the {which} weights of work {work.Id} do not match the hash the coordinator signed");
        }

        return ModelWeights.FromBytes(bytes);
    }

    /// <summary>Uploads an update for <paramref name="work"/>: a signed header, then the weights in chunks.</summary>
    public async Task UploadAsync(WorkItem work, LocalUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(update);
        var bytes = update.Weights.ToBytes();
        var header = new UploadHeader
        {
            WorkId = work.Id,
            LocalSamples = (ulong)Math.Max(0, update.LocalSamples),
            SyntheticSamples = (ulong)Math.Max(0, update.SyntheticSamples),
            TrainingLoss = update.TrainingLoss,
            SynthesisSeconds = update.SynthesisSeconds,
            TrainingSeconds = update.TrainingSeconds,
            WeightsBytes = bytes.Length,
            WeightsHash = ByteString.CopyFrom(SignatureRecovery.Keccak(bytes)),
        };
        header.Auth = Sign("UploadUpdate", work.Round, work.Id, header);
        using var call = client.UploadUpdate(deadline: Deadline(), cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new UploadMessage { Header = header }, cancellationToken).ConfigureAwait(false);
        for (var offset = 0; offset < bytes.Length; offset += CoordinatorGrpcService.ChunkBytes)
        {
            await call.RequestStream.WriteAsync(
                new UploadMessage { Chunk = new Chunk { Data = ByteString.CopyFrom(bytes, offset, Math.Min(CoordinatorGrpcService.ChunkBytes, bytes.Length - offset)) } },
                cancellationToken).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        await call.ResponseAsync.ConfigureAwait(false);
    }

    /// <summary>Reports the outcome of bond work: the transaction it sent (null: none).</summary>
    public Task ReportTransactionAsync(WorkItem work, ChainReceipt? receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var request = new ReportRequest { WorkId = work.Id };
        if (receipt is null)
        {
            request.NoTransaction = true;
        }
        else
        {
            request.TransactionHash = receipt.TransactionHash.ToString();
        }

        return ReportAsync(work, request, cancellationToken);
    }

    /// <summary>Reports the outcome of review work: the vote's transaction and the objections behind a rejection.</summary>
    public Task ReportVoteAsync(WorkItem work, CommitmentVote vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(vote);
        var request = new ReportRequest { WorkId = work.Id, TransactionHash = vote.Transaction.TransactionHash.ToString() };
        request.Objections.AddRange(vote.Objections);
        return ReportAsync(work, request, cancellationToken);
    }

    /// <summary>Reports that <paramref name="work"/> failed, with the reason.</summary>
    public Task ReportFailureAsync(WorkItem work, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ReportAsync(work, new ReportRequest { WorkId = work.Id, Failure = reason }, cancellationToken);
    }

    private async Task ReportAsync(WorkItem work, ReportRequest request, CancellationToken cancellationToken)
    {
        request.Auth = Sign("Report", work.Round, work.Id, request);
        await client.ReportAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The evidence manifest named <paramref name="bundleHash"/> (0x-prefixed keccak-256), checked to be signed by the
    /// coordinator, at most <see cref="MaxManifestBytes"/> long, and to hash to the name asked for; null when the
    /// coordinator has no such manifest.
    /// </summary>
    /// <exception cref="InvalidDataException">The reply is too large, or its bytes are not the manifest asked for.</exception>
    public async Task<byte[]?> EvidenceManifestAsync(string bundleHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundleHash);
        var request = new EvidenceManifestRequest { BundleHash = bundleHash };
        request.Auth = Sign("GetEvidenceManifest", 0, string.Empty, request);
        EvidenceManifest reply;
        try
        {
            reply = await client.GetEvidenceManifestAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }

        CheckReply("GetEvidenceManifest", reply, reply.Coordinator, request.Auth.Nonce, r => r.Coordinator = null);
        if (reply.Manifest.Length > MaxManifestBytes)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the coordinator sent a manifest of {reply.Manifest.Length} bytes; the limit is {MaxManifestBytes}"));
        }

        var bytes = reply.Manifest.ToByteArray();
        var actual = "0x" + Convert.ToHexStringLower(SignatureRecovery.Keccak(bytes));
        return string.Equals(actual, bundleHash, StringComparison.OrdinalIgnoreCase)
            ? bytes
            : throw new InvalidDataException($"the coordinator sent a manifest whose keccak is {actual} for bundle {bundleHash}");
    }

    /// <summary>
    /// The evidence blob named <paramref name="hash"/> (0x-prefixed keccak-256), at most the weights limit long and
    /// checked to hash to its name; null when the coordinator has no such blob.
    /// </summary>
    /// <exception cref="InvalidDataException">The coordinator sent too much, or bytes that are not the blob asked for.</exception>
    public async Task<byte[]?> EvidenceBlobAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var request = new EvidenceBlobRequest { Hash = hash };
        request.Auth = Sign("DownloadEvidenceBlob", 0, string.Empty, request);
        using var call = client.DownloadEvidenceBlob(request, deadline: Deadline(), cancellationToken: cancellationToken);
        using var bytes = new MemoryStream();
        try
        {
            while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var data = call.ResponseStream.Current.Data;
                if (bytes.Length + data.Length > maxWeightsBytes)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the coordinator sent more than the {maxWeightsBytes}-byte limit for evidence blob {hash}"));
                }

                bytes.Write(data.Span);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }

        var blob = bytes.ToArray();
        var actual = "0x" + Convert.ToHexStringLower(SignatureRecovery.Keccak(blob));
        return string.Equals(actual, hash, StringComparison.OrdinalIgnoreCase)
            ? blob
            : throw new InvalidDataException($"the coordinator sent evidence blob {hash} with keccak {actual}");
    }

    private DateTime Deadline() => time.GetUtcNow().UtcDateTime + CallTimeout;

    private Wire.Authentication Sign(string method, long round, string workId, IMessage body) =>
        WireSignatures.Sign(signer, method, round, workId, body, time.GetUtcNow().ToUnixTimeMilliseconds(), WireSignatures.NewNonce());

    private void CheckReply<T>(string method, T reply, Wire.Authentication? auth, ByteString nonce, Action<T> clear)
        where T : IMessage<T>, IDeepCloneable<T>
    {
        var body = reply.Clone();
        clear(body);
        if (auth is null
            || auth.Party != WireSignatures.CoordinatorParty
            || !auth.Nonce.Span.SequenceEqual(nonce.Span)
            || !auth.BodyHash.Span.SequenceEqual(WireSignatures.BodyHash(body))
            || !string.Equals(SignatureRecovery.Signer(WireSignatures.Statement(WireSignatures.Reply(method), auth), auth.Signature.Span), coordinatorAddress, StringComparison.OrdinalIgnoreCase))
        {
            throw new CoordinatorIdentityException($"the {method} reply is not signed by the coordinator address {coordinatorAddress} (Consortium:CoordinatorAddress)");
        }
    }
}
