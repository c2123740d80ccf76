namespace CoCoGen.Chain.Sending;

/// <summary>A transaction the node accepted: its signed form (resendable as is) and the request it came from.</summary>
/// <param name="Transaction">The signed transaction.</param>
/// <param name="Request">The request it was built from.</param>
public sealed record SentTransaction(SignedTransaction Transaction, TransactionRequest Request)
{
    /// <summary>The transaction hash.</summary>
    public Accounts.TransactionHash Hash => Transaction.Hash;

    /// <summary>Sender nonce.</summary>
    public long Nonce => Transaction.Nonce;
}
