using System.Collections.Concurrent;
using System.Threading.Channels;
using CoCoGen.Federation.Adapters.Transport.Wire;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// The coordinator's queue for one roster member: work waits here until the member polls for it, and the member
/// posts results against the work id. Work the coordinator gave up on (a straggler's) is dropped, so a late result
/// is refused. A member that joins again (a restarted process, or one whose connection died) is re-bound to the
/// contract before its next work, and gets again the training it had taken but not answered: a poll whose reply was
/// lost with the connection must not make the member a straggler when it is back in time.
/// </summary>
internal sealed class OrganizationMailbox(RosterMember member)
{
    private readonly Channel<PendingWork> _queue = Channel.CreateUnbounded<PendingWork>();
    private readonly ConcurrentDictionary<string, PendingWork> _open = new();
    private readonly ConcurrentDictionary<string, (PendingWork Work, long Order)> _taken = new();
    private long _takes;
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (string Contract, long ChainId)? _binding;

    public RosterMember Member { get; } = member;

    public string Id => Member.Organization!;

    public Task Joined => _joined.Task;

    public bool HasJoined => _joined.Task.IsCompleted;

    /// <summary>
    /// Records a proven join; on a second one, queues a bind-only bond so the new process can settle, then the
    /// training and generator work the member had taken and not answered (still awaited: a straggler's was dropped),
    /// in the order it was taken.
    /// </summary>
    public void Join()
    {
        if (_joined.TrySetResult())
        {
            return;
        }

        if (_binding is { } binding)
        {
            Post(new PendingWork(new WorkItem { Id = NewId(), Kind = WorkKind.Bond, Contract = binding.Contract, ChainId = binding.ChainId, Wei = "0" }, null, null));
        }

        foreach (var (work, _) in _taken.Values.OrderBy(t => t.Order).ToArray())
        {
            if (_taken.TryRemove(work.Item.Id, out _) && _open.ContainsKey(work.Item.Id))
            {
                _queue.Writer.TryWrite(work);
            }
        }
    }

    public void Bound(string contract, long chainId) => _binding = (contract, chainId);

    /// <summary>The contract the member was bound to, once it was.</summary>
    public string? Contract => _binding?.Contract;

    public async Task<object?> SendAsync(PendingWork work, CancellationToken cancellationToken)
    {
        _open[work.Item.Id] = work;
        try
        {
            await _queue.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
            return await work.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Forget(work.Item.Id);
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
                if (work.Item.Kind is WorkKind.Done)
                {
                    work.Result.TrySetResult(null);
                    return work.Item;
                }

                // Work abandoned while queued (straggler timeout) is skipped.
                if (_open.ContainsKey(work.Item.Id))
                {
                    // Only computation is handed out again: bond and submission work has chain effects the
                    // coordinator reads from the chain, and must not be sent twice.
                    if (work.Item.Kind is WorkKind.Train or WorkKind.Generator)
                    {
                        _taken[work.Item.Id] = (work, Interlocked.Increment(ref _takes));
                    }

                    return work.Item;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Forget(string workId)
    {
        _open.TryRemove(workId, out _);
        _taken.TryRemove(workId, out _);
    }

    public PendingWork? Find(string workId) => _open.TryGetValue(workId, out var work) ? work : null;

    public static string NewId() => Guid.NewGuid().ToString("N");
}
