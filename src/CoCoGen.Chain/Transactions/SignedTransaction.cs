using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Hashing;
using CoCoGen.Chain.Primitives;
using CoCoGen.Chain.Signing;

namespace CoCoGen.Chain.Transactions;

/// <summary>A signed transaction: its fields, signature, raw encoding and hash. Resending the same raw bytes is idempotent.</summary>
public sealed class SignedTransaction
{
    /// <summary>Bundles a transaction with its signature and sender.</summary>
    public SignedTransaction(UnsignedTransaction transaction, EcdsaSignature signature, EthereumAddress sender)
    {
        Transaction = transaction ?? throw new ArgumentNullException(nameof(transaction));
        Signature = signature ?? throw new ArgumentNullException(nameof(signature));
        Sender = sender;
        Raw = transaction.EncodeSigned(signature);
        Hash = Keccak256.Hash(Raw);
    }

    /// <summary>The unsigned fields.</summary>
    public UnsignedTransaction Transaction { get; }

    /// <summary>The sender's signature.</summary>
    public EcdsaSignature Signature { get; }

    /// <summary>The sending account.</summary>
    public EthereumAddress Sender { get; }

    /// <summary>The raw encoding for eth_sendRawTransaction.</summary>
    public byte[] Raw { get; }

    /// <summary>Keccak-256 of the raw encoding: the transaction hash.</summary>
    public byte[] Hash { get; }

    /// <summary>The hash as "0x…".</summary>
    public string HashHex => Hex.Encode(Hash);

    /// <summary>The raw encoding as "0x…".</summary>
    public string RawHex => Hex.Encode(Raw);
}
