using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Transactions;

namespace CoCoGen.Chain.Signing;

/// <summary>Signs transactions for one account (a local key, a hardware wallet, a Nethereum account, …).</summary>
public interface ITransactionSigner
{
    /// <summary>The account that signs.</summary>
    EthereumAddress Address { get; }

    /// <summary>Signs the transaction.</summary>
    ValueTask<SignedTransaction> SignAsync(UnsignedTransaction transaction, CancellationToken cancellationToken);
}
