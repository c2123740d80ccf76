using CoCoGen.Chain.Accounts;
using Nethereum.Model;
using Nethereum.Signer;

namespace CoCoGen.Chain.Sending;

/// <summary>
/// An EIP-1559 transaction signed once by Nethereum's <see cref="Transaction1559Signer"/>: its fields, the raw bytes
/// that every resend repeats, and their hash.
/// </summary>
/// <param name="Fields">The signed transaction's fields.</param>
/// <param name="Raw">The raw (type-2, RLP) bytes broadcast with eth_sendRawTransaction.</param>
/// <param name="Hash">Keccak-256 of <paramref name="Raw"/>, the transaction hash.</param>
/// <param name="Sender">The signing account.</param>
public sealed record SignedTransaction(Transaction1559 Fields, byte[] Raw, TransactionHash Hash, EthereumAddress Sender)
{
    /// <summary>The sender nonce.</summary>
    public long Nonce => (long)Fields.Nonce!.Value;

    /// <summary>Signs <paramref name="fields"/> with <paramref name="key"/>.</summary>
    public static SignedTransaction Sign(EthECKey key, Transaction1559 fields)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fields);
        var rawHex = new Transaction1559Signer().SignTransaction(key, fields);
        var raw = Convert.FromHexString(rawHex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? rawHex[2..] : rawHex);
        return new SignedTransaction(fields, raw, TransactionHash.Of(raw), EthereumAddress.Parse(key.GetPublicAddress()));
    }
}
