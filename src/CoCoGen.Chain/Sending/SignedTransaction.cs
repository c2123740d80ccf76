using CoCoGen.Chain.Accounts;
using NBitcoin.Secp256k1;
using Nethereum.Model;
using Nethereum.Signer;

namespace CoCoGen.Chain.Sending;

/// <summary>
/// An EIP-1559 transaction signed once: Nethereum's <see cref="Transaction1559"/> gives the signing hash and the signed
/// RLP encoding, NBitcoin.Secp256k1 (the libsecp256k1 port Nethereum's own fast path calls) the RFC 6979 recoverable
/// signature; its fields, the raw bytes that every resend repeats, and their hash.
/// </summary>
/// <param name="Fields">The signed transaction's fields.</param>
/// <param name="Raw">The raw (type-2, RLP) bytes broadcast with eth_sendRawTransaction.</param>
/// <param name="Hash">Keccak-256 of <paramref name="Raw"/>, the transaction hash.</param>
/// <param name="Sender">The signing account.</param>
public sealed record SignedTransaction(Transaction1559 Fields, byte[] Raw, TransactionHash Hash, EthereumAddress Sender)
{
    /// <summary>The sender nonce.</summary>
    public long Nonce => (long)Fields.Nonce!.Value;

    /// <summary>Signs <paramref name="fields"/> (which take the signature) with <paramref name="key"/>.</summary>
    public static SignedTransaction Sign(EthECKey key, Transaction1559 fields)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fields);
        fields.SetSignature(SignHash(key, fields.RawHash));
        var raw = fields.GetRLPEncoded();
        return new SignedTransaction(fields, raw, TransactionHash.Of(raw), EthereumAddress.Parse(key.GetPublicAddress()));
    }

    /// <summary>
    /// The RFC 6979 low-s signature of a 32-byte hash with its recovery id as v (EIP-1559's y parity).
    /// Not Nethereum's <c>Transaction1559Signer</c>: by default it signs with BouncyCastle and finds v by recovering the
    /// public key up to four times (27 ms of CPU per signature on the build machine against under 1 ms here, which made
    /// settlement 4-9x slower than the pre-Nethereum client), and its switch to libsecp256k1
    /// (<c>EthECKey.SignRecoverable</c>) is process-wide and throws for the one key in 256 whose first byte is zero
    /// (it hands over the key without its leading zeros). Same signatures, byte for byte.
    /// </summary>
    internal static EthECDSASignature SignHash(EthECKey key, byte[] hash)
    {
        Span<byte> secret = stackalloc byte[32];
        var bytes = key.GetPrivateKeyAsBytes();
        bytes.CopyTo(secret[(32 - bytes.Length)..]);
        using var privateKey = ECPrivKey.TryCreate(secret, out var created) ? created : throw new ArgumentException("Not a secp256k1 private key.", nameof(key));
        secret.Clear();
        if (!privateKey.TrySignRecoverable(hash, out var signature) || signature is null)
        {
            throw new InvalidOperationException("secp256k1 refused to sign the hash.");
        }

        signature.Deconstruct(out var r, out var s, out var recoveryId);
        return EthECDSASignatureFactory.FromComponents(r.ToBytes(), s.ToBytes(), (byte)recoveryId);
    }
}
