using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>
/// Reads a transaction an organization names from the coordinator's own node: it counts only when the chain holds
/// it, it succeeded, and it went from the member's roster address to the contract. The receipt recorded is the
/// chain's, never the message's.
/// </summary>
public sealed class ChainTransactionCheck(ChainConnection connection) : ITransactionCheck
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public async Task<ChainReceipt> ConfirmAsync(string transactionHash, string sender, string contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var endpoint = await connection.EndpointAsync(cancellationToken).ConfigureAwait(false);
        var deadline = DateTime.UtcNow + Propagation;
        while (true)
        {
            // The member reports after its transaction was mined on its node; another node may need a moment to see it.
            var receipt = await endpoint.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                if (receipt.Status?.Value != 1)
                {
                    throw new InvalidOperationException($"transaction {transactionHash} failed on chain");
                }

                if (!string.Equals(receipt.From, sender, StringComparison.OrdinalIgnoreCase) || !string.Equals(receipt.To, contract, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"transaction {transactionHash} was not sent by {sender} to the contract {contract}");
                }

                return new ChainReceipt(Hash32.Parse(receipt.TransactionHash), (long)receipt.BlockNumber.Value);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"transaction {transactionHash} is not on chain");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }
    }
}
