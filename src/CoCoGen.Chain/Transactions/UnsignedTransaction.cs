using System.Numerics;
using CoCoGen.Chain.Accounts;

namespace CoCoGen.Chain.Transactions;

/// <summary>Fields every transaction type shares; the subtype decides how they are signed and encoded.</summary>
public abstract record UnsignedTransaction
{
    /// <summary>Chain id (EIP-155 replay protection).</summary>
    public required ulong ChainId { get; init; }

    /// <summary>Sender's nonce.</summary>
    public required ulong Nonce { get; init; }

    /// <summary>Gas limit.</summary>
    public required ulong GasLimit { get; init; }

    /// <summary>Recipient; null creates a contract.</summary>
    public EthereumAddress? To { get; init; }

    /// <summary>Value in wei.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Call data or init code.</summary>
    public byte[] Data { get; init; } = [];

    /// <summary>The hash the sender signs.</summary>
    public byte[] SigningHash() => Hashing.Keccak256.Hash(SigningPayload());

    /// <summary>The bytes whose Keccak-256 the sender signs.</summary>
    public abstract byte[] SigningPayload();

    /// <summary>The raw signed encoding that eth_sendRawTransaction takes.</summary>
    public abstract byte[] EncodeSigned(Signing.EcdsaSignature signature);

    /// <summary>Highest price per gas this transaction may pay (gas price, or max fee per gas).</summary>
    public abstract BigInteger MaxPricePerGas { get; }
}
