using System.Globalization;
using System.Text.RegularExpressions;
using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Transport.Wire;
using CoCoGen.Federation.Ports;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// The coordinator's gRPC service (proto/cocogen/federation/v1/federation.proto). Every member request is
/// authenticated first; a member reaches only its own work; a malformed or refused request gets a status and the
/// server goes on serving.
/// </summary>
public sealed partial class CoordinatorGrpcService(CoordinatorHub hub, ILogger<CoordinatorGrpcService> logger) : Wire.Coordinator.CoordinatorBase
{
    /// <summary>Bytes per streamed chunk.</summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>Longest a NextWork poll is held open.</summary>
    public static readonly TimeSpan MaxPollWait = TimeSpan.FromSeconds(20);

    /// <inheritdoc/>
    public override Task<RunDescription> DescribeRun(DescribeRunRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var challenge = ByteString.Empty;
        if (request.Organization.Length > 0)
        {
            // The challenge is for one roster member; a flood of requests is bounded per member and per peer address.
            if (!hub.Roster.Any(m => m.Organization == request.Organization))
            {
                throw hub.Authenticator.Refuse(StatusCode.PermissionDenied, nameof(DescribeRun), request.Organization, "no join challenge for a party that is not on the roster");
            }

            challenge = ByteString.CopyFrom(hub.Challenges.TryIssue(request.Organization, PeerAddress(context), out var refusal)
                ?? throw hub.Authenticator.Refuse(StatusCode.ResourceExhausted, nameof(DescribeRun), request.Organization, refusal!));
        }

        var reply = new RunDescription
        {
            AgreedSettingsJson = hub.Settings.Json,
            AgreedSettingsHash = ByteString.CopyFrom(hub.Settings.Hash),
            CoordinatorAddress = hub.Signer.Address,
            Challenge = challenge,
        };
        reply.Roster.AddRange(hub.Roster.Select(m => new RosterEntry { Organization = m.Organization, Address = m.Address!.ToLowerInvariant(), LocalSamples = m.LocalSamples }));
        reply.Coordinator = hub.SignReply(nameof(DescribeRun), 0, string.Empty, reply, reply.Challenge);
        return Task.FromResult(reply);
    }

    /// <inheritdoc/>
    public override Task<JoinReply> Join(JoinRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var member = Verify(nameof(Join), request, request.Auth, r => r.Auth = null);
        if (!hub.Challenges.TryTake(member.Organization!, request.Challenge.Span))
        {
            throw hub.Authenticator.Refuse(StatusCode.FailedPrecondition, nameof(Join), member.Organization!, "unknown, used or expired challenge, or one issued for another member; call DescribeRun again");
        }

        if (!request.AgreedSettingsHash.Span.SequenceEqual(hub.Settings.Hash))
        {
            throw hub.Authenticator.Refuse(StatusCode.FailedPrecondition, nameof(Join), member.Organization!, "the agreed settings differ from the coordinator's (compare with DescribeRun)");
        }

        hub.Mailbox(member).Join();
        LogJoined(logger, member.Organization!, member.Address!);
        var reply = new JoinReply { Round = hub.Round };
        reply.Coordinator = hub.SignReply(nameof(Join), reply.Round, string.Empty, reply, request.Auth.Nonce);
        return Task.FromResult(reply);
    }

    /// <inheritdoc/>
    public override async Task<WorkReply> NextWork(NextWorkRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var member = Verify(nameof(NextWork), request, request.Auth, r => r.Auth = null);
        var mailbox = hub.Mailbox(member);
        if (!mailbox.HasJoined)
        {
            throw hub.Authenticator.Refuse(StatusCode.FailedPrecondition, nameof(NextWork), member.Organization!, "not joined; call Join first");
        }

        var wait = TimeSpan.FromMilliseconds(Math.Clamp(request.WaitMs, 0, (long)MaxPollWait.TotalMilliseconds));
        var item = await mailbox.TakeAsync(wait, context.CancellationToken).ConfigureAwait(false);
        var reply = new WorkReply { Item = item };
        reply.Coordinator = hub.SignReply(nameof(NextWork), item?.Round ?? 0, item?.Id ?? string.Empty, reply, request.Auth.Nonce);
        return reply;
    }

    /// <inheritdoc/>
    public override async Task DownloadWeights(DownloadWeightsRequest request, IServerStreamWriter<Chunk> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var member = Verify(nameof(DownloadWeights), request, request.Auth, r => r.Auth = null);
        var work = OwnWork(nameof(DownloadWeights), member, request.WorkId, request.Auth);
        var bytes = request.Which switch
        {
            WeightsKind.Global => work.Global,
            WeightsKind.Generator => work.Generator,
            _ => null,
        } ?? throw hub.Authenticator.Refuse(StatusCode.InvalidArgument, nameof(DownloadWeights), member.Organization!, $"work {request.WorkId} has no {request.Which} weights");
        for (var offset = 0; offset < bytes.Length; offset += ChunkBytes)
        {
            await responseStream.WriteAsync(new Chunk { Data = ByteString.CopyFrom(bytes, offset, Math.Min(ChunkBytes, bytes.Length - offset)) }, context.CancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override async Task<Acknowledgement> UploadUpdate(IAsyncStreamReader<UploadMessage> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false) || requestStream.Current.PartCase != UploadMessage.PartOneofCase.Header)
        {
            throw hub.Authenticator.Refuse(StatusCode.InvalidArgument, nameof(UploadUpdate), "(unsigned)", "the first message must be the signed header");
        }

        var header = requestStream.Current.Header;
        var member = Verify(nameof(UploadUpdate), header, header.Auth, h => h.Auth = null);
        var work = OwnWork(nameof(UploadUpdate), member, header.WorkId, header.Auth);
        if (work.Item.Kind is not (WorkKind.Train or WorkKind.Generator))
        {
            throw hub.Authenticator.Refuse(StatusCode.FailedPrecondition, nameof(UploadUpdate), member.Organization!, $"work {header.WorkId} takes no update");
        }

        var expected = work.ExpectedUpdateBytes;
        if (header.WeightsBytes != expected || expected > hub.MaxWeightsBytes)
        {
            throw hub.Authenticator.Refuse(StatusCode.InvalidArgument, nameof(UploadUpdate), member.Organization!, string.Create(CultureInfo.InvariantCulture,
                $"the update declares {header.WeightsBytes} bytes; work {header.WorkId} takes exactly {expected} (limit {hub.MaxWeightsBytes})"));
        }

        var bytes = new byte[expected];
        var received = 0L;
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var chunk = requestStream.Current.Chunk?.Data
                ?? throw hub.Authenticator.Refuse(StatusCode.InvalidArgument, nameof(UploadUpdate), member.Organization!, "only the first message may be a header");
            if (received + chunk.Length > expected)
            {
                throw hub.Authenticator.Refuse(StatusCode.ResourceExhausted, nameof(UploadUpdate), member.Organization!, string.Create(CultureInfo.InvariantCulture,
                    $"more than the declared {expected} bytes"));
            }

            chunk.Span.CopyTo(bytes.AsSpan((int)received));
            received += chunk.Length;
        }

        if (received != expected || !SignatureRecovery.Keccak(bytes).AsSpan().SequenceEqual(header.WeightsHash.Span))
        {
            throw hub.Authenticator.Refuse(StatusCode.InvalidArgument, nameof(UploadUpdate), member.Organization!, string.Create(CultureInfo.InvariantCulture,
                $"received {received} of {expected} bytes whose keccak-256 is not the signed weights hash"));
        }

        var update = new LocalUpdate(
            ModelWeights.FromBytes(bytes),
            (long)Math.Min(header.LocalSamples, long.MaxValue),
            (long)Math.Min(header.SyntheticSamples, long.MaxValue),
            header.TrainingLoss,
            header.SynthesisSeconds,
            header.TrainingSeconds);
        work.Result.TrySetResult(update);
        return new Acknowledgement();
    }

    /// <inheritdoc/>
    public override Task<Acknowledgement> Report(ReportRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var member = Verify(nameof(Report), request, request.Auth, r => r.Auth = null);
        var work = OwnWork(nameof(Report), member, request.WorkId, request.Auth);
        var organization = member.Organization!;
        switch (request.OutcomeCase)
        {
            case ReportRequest.OutcomeOneofCase.Failure:
                work.Result.TrySetException(new InvalidOperationException($"{organization} could not do {work.Item.Kind} work: {request.Failure}"));
                break;
            case ReportRequest.OutcomeOneofCase.TransactionHash when work.Item.Kind is WorkKind.Bond or WorkKind.Review:
                if (!TransactionHash().IsMatch(request.TransactionHash))
                {
                    throw hub.Authenticator.Refuse(StatusCode.InvalidArgument, nameof(Report), organization, "transaction_hash must be 0x and 64 hex digits");
                }

                work.Result.TrySetResult(work.Item.Kind == WorkKind.Review
                    ? new ReviewReport(request.TransactionHash, [.. request.Objections])
                    : request.TransactionHash);
                break;
            case ReportRequest.OutcomeOneofCase.NoTransaction when work.Item.Kind is WorkKind.Bond && work.Item.Wei == "0":
                work.Result.TrySetResult(null);
                break;
            default:
                throw hub.Authenticator.Refuse(StatusCode.InvalidArgument, nameof(Report), organization, $"{request.OutcomeCase} is not an outcome of {work.Item.Kind} work");
        }

        hub.Mailbox(member).Forget(work.Item.Id);
        return Task.FromResult(new Acknowledgement());
    }

    /// <inheritdoc/>
    public override Task<EvidenceManifest> GetEvidenceManifest(EvidenceManifestRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var member = Verify(nameof(GetEvidenceManifest), request, request.Auth, r => r.Auth = null);
        var manifest = request.KeyCase switch
        {
            EvidenceManifestRequest.KeyOneofCase.Round => hub.Evidence.TryGetManifest(request.Round),
            EvidenceManifestRequest.KeyOneofCase.BundleHash => hub.Evidence.TryGetManifest(request.BundleHash),
            _ => throw hub.Authenticator.Refuse(StatusCode.InvalidArgument, nameof(GetEvidenceManifest), member.Organization!, "name a round or a bundle hash"),
        } ?? throw hub.Authenticator.Refuse(StatusCode.NotFound, nameof(GetEvidenceManifest), member.Organization!, "no such evidence manifest");
        var reply = new EvidenceManifest { Round = manifest.Round, BundleHash = manifest.BundleHash, Manifest = ByteString.CopyFrom(manifest.Bytes) };
        reply.Coordinator = hub.SignReply(nameof(GetEvidenceManifest), manifest.Round, string.Empty, reply, request.Auth.Nonce);
        return Task.FromResult(reply);
    }

    /// <inheritdoc/>
    public override async Task DownloadEvidenceBlob(EvidenceBlobRequest request, IServerStreamWriter<Chunk> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var member = Verify(nameof(DownloadEvidenceBlob), request, request.Auth, r => r.Auth = null);
        var blob = hub.Evidence.TryOpenBlob(request.Hash)
            ?? throw hub.Authenticator.Refuse(StatusCode.NotFound, nameof(DownloadEvidenceBlob), member.Organization!, "no such evidence blob");
        await using (blob.ConfigureAwait(false))
        {
            var buffer = new byte[ChunkBytes];
            int read;
            while ((read = await blob.ReadAsync(buffer, context.CancellationToken).ConfigureAwait(false)) > 0)
            {
                await responseStream.WriteAsync(new Chunk { Data = ByteString.CopyFrom(buffer, 0, read) }, context.CancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public override Task<StatusReply> GetStatus(StatusRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        Verify(nameof(GetStatus), request, request.Auth, r => r.Auth = null);
        var reply = new StatusReply { Round = hub.Round };
        reply.Joined.AddRange(hub.JoinedIds);
        reply.Coordinator = hub.SignReply(nameof(GetStatus), reply.Round, string.Empty, reply, request.Auth.Nonce);
        return Task.FromResult(reply);
    }

    private RosterMember Verify<T>(string method, T request, Wire.Authentication? auth, Action<T> clearAuth)
        where T : IMessage<T>, IDeepCloneable<T>
    {
        var body = request.Clone();
        clearAuth(body);
        return hub.Authenticator.Verify(method, body, auth);
    }

    // A member reaches only work in its own mailbox, signed for that work and its round.
    private PendingWork OwnWork(string method, RosterMember member, string workId, Wire.Authentication auth)
    {
        var work = hub.Mailbox(member).Find(workId)
            ?? throw hub.Authenticator.Refuse(StatusCode.FailedPrecondition, method, member.Organization!, $"work {Printable(workId)} is not awaited from {member.Organization} (unknown, someone else's, finished or timed out)");
        if (auth.WorkId != workId || auth.Round != work.Item.Round)
        {
            throw hub.Authenticator.Refuse(StatusCode.FailedPrecondition, method, member.Organization!, string.Create(CultureInfo.InvariantCulture,
                $"signed for work {Printable(auth.WorkId)} of round {auth.Round}; work {workId} belongs to round {work.Item.Round}"));
        }

        return work;
    }

    // "ipv4:10.1.2.3:41234" or "ipv6:[::1]:41234" without the port: one host is one peer, whatever ports it opens.
    private static string PeerAddress(ServerCallContext context)
    {
        var peer = context.Peer ?? string.Empty;
        var port = peer.LastIndexOf(':');
        return port > peer.IndexOf(':', StringComparison.Ordinal) ? peer[..port] : peer;
    }

    private static string Printable(string value) => value.Length <= 64 && value.All(char.IsAsciiLetterOrDigit) ? value : "(malformed id)";

    [GeneratedRegex("^0x[0-9a-fA-F]{64}$")]
    private static partial Regex TransactionHash();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Organization} joined, proving the key of {Address}")]
    private static partial void LogJoined(ILogger logger, string organization, string address);
}
