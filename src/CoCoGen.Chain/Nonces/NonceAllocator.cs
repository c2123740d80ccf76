using System.Collections.Concurrent;
using CoCoGen.Chain.Accounts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace CoCoGen.Chain.Nonces;

/// <summary>
/// Hands out nonces per account so that concurrent sends from one account produce no gap and no duplicate:
/// sign-and-broadcast for one account runs under that account's lock, and the nonce advances only when the
/// node accepted the transaction. The first use reads the account's pending transaction count.
/// (Nethereum's own <c>InMemoryNonceService</c> advances before the broadcast and keeps a nonce that failed.)
/// </summary>
public sealed class NonceAllocator
{
    private readonly IWeb3 _web3;
    private readonly ConcurrentDictionary<EthereumAddress, AccountNonce> _accounts = new();

    /// <summary>Reads starting nonces from the given node.</summary>
    public NonceAllocator(IWeb3 web3) => _web3 = web3 ?? throw new ArgumentNullException(nameof(web3));

    /// <summary>
    /// Runs <paramref name="broadcast"/> with the account's next nonce while holding the account's lock; the nonce
    /// is consumed when it returns. When it throws, the next use re-reads the pending count from the node, which
    /// knows whether the transaction got in (a lost answer) or not (a rejection, or a nonce used elsewhere).
    /// </summary>
    public async Task<T> UseNextAsync<T>(EthereumAddress account, Func<long, CancellationToken, Task<T>> broadcast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        var state = _accounts.GetOrAdd(account, _ => new AccountNonce());
        await state.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            state.Next ??= (long)(await _web3.Eth.Transactions.GetTransactionCount
                .SendRequestAsync(account.ToLowerHex(), BlockParameter.CreatePending()).WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
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

        public long? Next { get; set; }
    }
}
