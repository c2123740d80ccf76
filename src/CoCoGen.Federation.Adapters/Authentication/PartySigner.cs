using NBitcoin.Secp256k1;
using Nethereum.Signer;

namespace CoCoGen.Federation.Adapters.Authentication;

/// <summary>Signs statements with one party's secp256k1 key (the key of its keystore, never shipped).</summary>
/// <remarks>
/// EIP-191 personal-message signatures, byte for byte what Nethereum's <c>EthereumMessageSigner</c> produces (RFC 6979,
/// low s, v = 27 + recovery id), computed with NBitcoin.Secp256k1 as the chain client does: Nethereum's signer signs
/// with BouncyCastle and recovers the key to find v, about ten times the CPU per signed message.
/// </remarks>
public sealed class PartySigner
{
    private readonly byte[] _secret = new byte[32];

    /// <summary>Signs as <paramref name="party"/> with <paramref name="key"/>.</summary>
    public PartySigner(string party, EthECKey key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(party);
        ArgumentNullException.ThrowIfNull(key);
        Party = party;
        var bytes = key.GetPrivateKeyAsBytes();
        bytes.AsSpan().CopyTo(_secret.AsSpan(32 - bytes.Length));
        Address = key.GetPublicAddress().ToLowerInvariant();
    }

    /// <summary>Organization id or <c>coordinator</c>.</summary>
    public string Party { get; }

    /// <summary>The key's address (0x-prefixed, lower case).</summary>
    public string Address { get; }

    /// <summary>The 65-byte recoverable signature (r, s, v) of <paramref name="statement"/>.</summary>
    public byte[] Sign(SignedStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var hash = SignatureRecovery.PersonalMessageHash(statement.Bytes());
        using var key = ECPrivKey.Create(_secret);
        if (!key.TrySignRecoverable(hash, out var signature) || signature is null)
        {
            throw new InvalidOperationException($"secp256k1 refused to sign for {Party}.");
        }

        var result = new byte[65];
        signature.WriteToSpanCompact(result.AsSpan(0, 64), out int recoveryId);
        result[64] = (byte)(27 + recoveryId);
        return result;
    }
}
