using CoCoGen.Chain.Rpc;

namespace CoCoGen.Chain.Sending;

/// <summary>A transaction was mined with status 0.</summary>
public sealed class TransactionRevertedException : Exception
{
    /// <summary>Creates the exception for a failed receipt.</summary>
    public TransactionRevertedException(TransactionReceipt receipt)
        : base($"Transaction {receipt?.TransactionHash} reverted in block {receipt?.BlockNumber} after {receipt?.GasUsed} gas.") =>
        Receipt = receipt ?? throw new ArgumentNullException(nameof(receipt));

    /// <summary>The failed receipt.</summary>
    public TransactionReceipt Receipt { get; }
}
