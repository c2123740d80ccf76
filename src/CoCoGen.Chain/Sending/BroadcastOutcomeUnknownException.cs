namespace CoCoGen.Chain.Sending;

/// <summary>
/// Every broadcast attempt failed in transport, so the node may or may not hold the transaction. Resending
/// <see cref="Transaction"/>'s raw bytes, or waiting for its hash, is safe; building a new transaction is not.
/// </summary>
public sealed class BroadcastOutcomeUnknownException : Exception
{
    /// <summary>Creates the exception for a signed transaction whose broadcast outcome is unknown.</summary>
    public BroadcastOutcomeUnknownException(SignedTransaction transaction, Exception innerException)
        : base($"Broadcast of transaction {transaction?.Hash} (nonce {transaction?.Nonce}) failed in transport; it may still reach the chain. Wait for that hash or resend the same raw bytes.", innerException) =>
        Transaction = transaction ?? throw new ArgumentNullException(nameof(transaction));

    /// <summary>The signed transaction, resendable as is.</summary>
    public SignedTransaction Transaction { get; }
}
