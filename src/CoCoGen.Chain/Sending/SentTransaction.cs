using CoCoGen.Chain.Transactions;

namespace CoCoGen.Chain.Sending;

/// <summary>A transaction the node accepted: its signed form (resendable as is), nonce and hash.</summary>
/// <param name="Transaction">The signed transaction.</param>
/// <param name="Request">The request it was built from.</param>
public sealed record SentTransaction(SignedTransaction Transaction, TransactionRequest Request)
{
    /// <summary>"0x…" transaction hash.</summary>
    public string Hash => Transaction.HashHex;

    /// <summary>Sender nonce.</summary>
    public ulong Nonce => Transaction.Transaction.Nonce;
}
