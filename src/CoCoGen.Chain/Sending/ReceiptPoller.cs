using CoCoGen.Chain.Accounts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace CoCoGen.Chain.Sending;

/// <summary>Polls eth_getTransactionReceipt with exponential backoff until one of the hashes is mined.</summary>
internal sealed class ReceiptPoller(IWeb3 web3, TimeSpan initialDelay, TimeSpan maxDelay)
{
    /// <summary>The receipt of whichever hash is mined first; cancel the token to give up.</summary>
    public async Task<TransactionReceipt> WaitForAnyAsync(IReadOnlyList<TransactionHash> transactionHashes, CancellationToken cancellationToken)
    {
        if (transactionHashes.Count == 0)
        {
            throw new ArgumentException("At least one transaction hash is needed.", nameof(transactionHashes));
        }

        var delay = initialDelay;
        while (true)
        {
            foreach (var hash in transactionHashes)
            {
                var receipt = await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash.ToString()).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (receipt is not null)
                {
                    return receipt;
                }
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, (long)(delay.Ticks * 1.5)));
        }
    }
}
