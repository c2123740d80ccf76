using System.Collections.Concurrent;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Rpc;

namespace CoCoGen.Chain.Nonces;

/// <summary>
/// Hands out nonces per account so that concurrent sends from one account produce no gap and no duplicate:
/// sign-and-broadcast for one account runs under that account's lock, and the nonce advances only when the
/// node accepted the transaction. The first use reads the account's pending transaction count.
/// </summary>
public sealed class NonceAllocator
{
    private readonly IEthereumRpc _rpc;
    private readonly ConcurrentDictionary<EthereumAddress, AccountNonce> _accounts = new();

    /// <summary>Reads starting nonces from the given node.</summary>
    public NonceAllocator(IEthereumRpc rpc) => _rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));

    /// <summary>
    /// Runs <paramref name="broadcast"/> with the account's next nonce while holding the account's lock; the nonce
    /// is consumed when it returns. When it throws, the next use re-reads the pending count from the node, which
    /// knows whether the transaction got in (a lost answer) or not (a rejection, or a nonce used elsewhere).
    /// </summary>
    public async Task<T> UseNextAsync<T>(EthereumAddress account, Func<ulong, CancellationToken, Task<T>> broadcast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        var state = _accounts.GetOrAdd(account, _ => new AccountNonce());
        await state.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            state.Next ??= await _rpc.GetTransactionCountAsync(account, BlockTag.Pending, cancellationToken).ConfigureAwait(false);
            var nonce = state.Next.Value;
            T result;
            try
            {
                result = await broadcast(nonce, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                state.Next = null;
                throw;
            }

            state.Next = nonce + 1;
            return result;
        }
        finally
        {
            state.Lock.Release();
        }
    }

    private sealed class AccountNonce
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public ulong? Next { get; set; }
    }
}
