using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>The organizations a coordinator process expects, each behind its mailbox.</summary>
public sealed class CoordinatorHub
{
    private readonly Dictionary<string, OrganizationMailbox> _mailboxes;

    /// <summary>Creates mailboxes for <paramref name="organizationIds"/> (registration order).</summary>
    public CoordinatorHub(IReadOnlyList<string> organizationIds)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        _mailboxes = organizationIds.ToDictionary(id => id, id => new OrganizationMailbox(id), StringComparer.Ordinal);
        Channels = organizationIds.Select(id => (IOrganizationChannel)new RemoteOrganizationChannel(_mailboxes[id])).ToArray();
    }

    /// <summary>One channel per organization, in registration order.</summary>
    public IReadOnlyList<IOrganizationChannel> Channels { get; }

    /// <summary>Tells every organization the run is over and waits (bounded) until each has heard it.</summary>
    public async Task FinishAsync(TimeSpan wait)
    {
        var done = _mailboxes.Values.Select(m =>
        {
            var work = new PendingWork(new WorkItem { Id = Guid.NewGuid().ToString("N"), Kind = WorkKind.Done }, null, null);
            m.Post(work);
            return work.Result.Task;
        }).ToArray();
        await Task.WhenAny(Task.WhenAll(done), Task.Delay(wait)).ConfigureAwait(false);
    }

    internal OrganizationMailbox? Find(string id) => _mailboxes.GetValueOrDefault(id);

    internal PendingWork? FindWork(string workId) =>
        _mailboxes.Values.Select(m => m.Find(workId)).FirstOrDefault(w => w is not null);
}
