using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Transport.Wire;
using CoCoGen.Federation.Ports;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// The coordinator's side of the federation: the roster fixed before round 1, one mailbox per member, the channels
/// the protocol drives, the request authenticator and the coordinator's own signer.
/// </summary>
public sealed class CoordinatorHub
{
    private readonly Dictionary<string, OrganizationMailbox> _mailboxes;
    private long _round;

    /// <summary>Creates the hub of <paramref name="consortium"/>'s roster, signing with <paramref name="signer"/>.</summary>
    public CoordinatorHub(
        ConsortiumOptions consortium,
        AgreedSettings settings,
        PartySigner signer,
        ITransactionCheck chain,
        IEvidenceSource evidence,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(consortium);
        ArgumentNullException.ThrowIfNull(loggers);
        Consortium = consortium;
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Signer = signer ?? throw new ArgumentNullException(nameof(signer));
        Evidence = evidence ?? throw new ArgumentNullException(nameof(evidence));
        Time = time ?? throw new ArgumentNullException(nameof(time));
        _mailboxes = consortium.Roster.ToDictionary(m => m.Organization!, m => new OrganizationMailbox(m), StringComparer.Ordinal);
        Challenges = new JoinChallenges(consortium.Roster.Select(m => m.Organization!), time, TimeSpan.FromSeconds(consortium.ClockSkewSeconds));
        Authenticator = new RequestAuthenticator(
            consortium.Roster.ToDictionary(m => m.Organization!, StringComparer.Ordinal), time, TimeSpan.FromSeconds(consortium.ClockSkewSeconds), loggers.CreateLogger<RequestAuthenticator>());
        var channelLogger = loggers.CreateLogger<CoordinatorHub>();
        Channels = consortium.Roster
            .Select(m => (IOrganizationChannel)new RemoteOrganizationChannel(_mailboxes[m.Organization!], chain, consortium, r => Interlocked.Exchange(ref _round, r), channelLogger))
            .ToArray();
    }

    /// <summary>One channel per roster member, in roster order.</summary>
    public IReadOnlyList<IOrganizationChannel> Channels { get; }

    internal ConsortiumOptions Consortium { get; }

    internal AgreedSettings Settings { get; }

    internal PartySigner Signer { get; }

    internal IEvidenceSource Evidence { get; }

    internal TimeProvider Time { get; }

    internal RequestAuthenticator Authenticator { get; }

    /// <summary>The join challenges handed out and not yet used, bounded per roster member and peer.</summary>
    internal JoinChallenges Challenges { get; }

    internal long Round => Interlocked.Read(ref _round);

    internal long MaxWeightsBytes => Consortium.MaxWeightsMebibytes * 1024L * 1024L;

    internal IEnumerable<RosterMember> Roster => Consortium.Roster;

    internal IEnumerable<string> JoinedIds => _mailboxes.Values.Where(m => m.HasJoined).Select(m => m.Id);

    /// <summary>Tells every member the run is over and waits (bounded) until each has heard it.</summary>
    public async Task FinishAsync(TimeSpan wait)
    {
        var done = _mailboxes.Values.Select(m =>
        {
            var work = new PendingWork(new WorkItem { Id = OrganizationMailbox.NewId(), Kind = WorkKind.Done }, null, null);
            m.Post(work);
            return work.Result.Task;
        }).ToArray();
        await Task.WhenAny(Task.WhenAll(done), Task.Delay(wait)).ConfigureAwait(false);
    }

    internal OrganizationMailbox Mailbox(RosterMember member) => _mailboxes[member.Organization!];

    /// <summary>The coordinator's signature of a reply (its own field unset), bound to the request's nonce.</summary>
    internal Wire.Authentication SignReply(string method, long round, string workId, IMessage reply, ByteString nonce) =>
        WireSignatures.Sign(Signer, WireSignatures.Reply(method), round, workId, reply, Time.GetUtcNow().ToUnixTimeMilliseconds(), nonce.ToByteArray());
}
