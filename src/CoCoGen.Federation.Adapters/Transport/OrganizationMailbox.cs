using System.Collections.Concurrent;
using System.Threading.Channels;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// The coordinator's queue for one organization process: work waits here until the process polls
/// for it, and the process posts results against the work id. Work the coordinator gave up on (a
/// straggler's) is dropped, so a late result is answered 410 Gone.
/// </summary>
internal sealed class OrganizationMailbox(string id)
{
    private readonly Channel<PendingWork> _queue = Channel.CreateUnbounded<PendingWork>();
    private readonly ConcurrentDictionary<string, PendingWork> _open = new();
    private TaskCompletionSource<OrganizationProfile> _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;

    public Task<OrganizationProfile> Joined => _joined.Task;

    public void Join(OrganizationProfile profile)
    {
        if (!_joined.TrySetResult(profile) && _joined.Task.Result != profile)
        {
            // A restarted process re-joins; its profile replaces the old one for later rounds.
            _joined = new TaskCompletionSource<OrganizationProfile>(TaskCreationOptions.RunContinuationsAsynchronously);
            _joined.SetResult(profile);
        }
    }

    public async Task<T> SendAsync<T>(PendingWork work, CancellationToken cancellationToken)
    {
        _open[work.Item.Id] = work;
        try
        {
            await _queue.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
            var result = await work.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return (T)result!;
        }
        finally
        {
            _open.TryRemove(work.Item.Id, out _);
        }
    }

    public void Post(PendingWork work)
    {
        _open[work.Item.Id] = work;
        _queue.Writer.TryWrite(work);
    }

    public async Task<WorkItem?> TakeAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            while (true)
            {
                var work = await _queue.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (work.Item.Kind == WorkKind.Done)
                {
                    work.Result.TrySetResult(null);
                    return work.Item;
                }

                // Work abandoned while queued (straggler timeout) is skipped.
                if (_open.ContainsKey(work.Item.Id))
                {
                    return work.Item;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public PendingWork? Find(string workId) => _open.TryGetValue(workId, out var work) ? work : null;
}
