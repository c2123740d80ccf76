using CoCoGen.Chain.Rpc;

namespace CoCoGen.Chain.Sending;

/// <summary>Polls eth_getTransactionReceipt with exponential backoff until one of the hashes is mined.</summary>
public sealed class ReceiptPoller
{
    private readonly IEthereumRpc _rpc;
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;

    /// <summary>Polls the given node, starting at <paramref name="initialDelay"/> and growing ×1.5 up to <paramref name="maxDelay"/>.</summary>
    public ReceiptPoller(IEthereumRpc rpc, TimeSpan initialDelay, TimeSpan maxDelay)
    {
        _rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        _initialDelay = initialDelay;
        _maxDelay = maxDelay;
    }

    /// <summary>The receipt of whichever hash is mined first; cancel the token to give up.</summary>
    public async Task<TransactionReceipt> WaitForAnyAsync(IReadOnlyList<string> transactionHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transactionHashes);
        if (transactionHashes.Count == 0)
        {
            throw new ArgumentException("At least one transaction hash is needed.", nameof(transactionHashes));
        }

        var delay = _initialDelay;
        while (true)
        {
            foreach (var hash in transactionHashes)
            {
                var receipt = await _rpc.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
                if (receipt is not null)
                {
                    return receipt;
                }
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(_maxDelay.Ticks, (long)(delay.Ticks * 1.5)));
        }
    }
}
