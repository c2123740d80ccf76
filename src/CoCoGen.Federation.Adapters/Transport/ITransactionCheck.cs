using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>The coordinator's own look at the chain: a transaction an organization names is believed only once read there.</summary>
public interface ITransactionCheck
{
    /// <summary>
    /// The receipt of <paramref name="transactionHash"/> as the chain reports it, when it succeeded and was sent by
    /// <paramref name="sender"/> to <paramref name="contract"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The chain has no such successful transaction between those accounts.</exception>
    Task<ChainReceipt> ConfirmAsync(string transactionHash, string sender, string contract, CancellationToken cancellationToken);
}
