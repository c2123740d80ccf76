namespace CoCoGen.Chain.Sending;

/// <summary>
/// A transaction was mined with status 0. <see cref="Exception.InnerException"/> carries the revert as Nethereum decodes
/// it (replayed with eth_call on the state of the transaction's block), when the node gives its data.
/// </summary>
public sealed class TransactionRevertedException : Exception
{
    /// <summary>Creates the exception for a failed transaction.</summary>
    public TransactionRevertedException(MinedTransaction transaction, Exception? revert)
        : base($"Transaction {transaction?.Hash} reverted in block {transaction?.BlockNumber} after {transaction?.GasUsed} gas{(revert is null ? "." : ": " + revert.Message)}", revert) =>
        Transaction = transaction ?? throw new ArgumentNullException(nameof(transaction));

    /// <summary>The failed transaction.</summary>
    public MinedTransaction Transaction { get; }
}
