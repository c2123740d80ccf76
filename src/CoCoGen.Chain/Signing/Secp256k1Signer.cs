using System.Numerics;
using CoCoGen.Chain.Accounts;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CoCoGen.Chain.Signing;

/// <summary>secp256k1 ECDSA over 32-byte hashes: RFC 6979 deterministic nonces, low-s normalisation, public-key recovery.</summary>
public static class Secp256k1Signer
{
    /// <summary>Signs a 32-byte hash.</summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes.</exception>
    public static EcdsaSignature Sign(ReadOnlySpan<byte> messageHash, Secp256k1PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireHash(messageHash);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(key.Scalar, Secp256k1Curve.Domain));
        var hash = messageHash.ToArray();
        var components = signer.GenerateSignature(hash);
        var r = components[0];
        var s = components[1];

        // Ethereum (EIP-2) accepts only s <= n/2; the mirrored s signs the same message with R's y flipped.
        if (s.CompareTo(Secp256k1Curve.HalfN) > 0)
        {
            s = Secp256k1Curve.N.Subtract(s);
        }

        for (var recoveryId = 0; recoveryId < 2; recoveryId++)
        {
            var recovered = RecoverPoint(hash, r, s, recoveryId);
            if (recovered is not null && recovered.GetEncoded(false).AsSpan(1).SequenceEqual(key.PublicKey))
            {
                return new EcdsaSignature(ToSystem(r), ToSystem(s), recoveryId);
            }
        }

        throw new InvalidOperationException("No recovery id reproduces the signer's public key.");
    }

    /// <summary>Recovers the uncompressed public key (64 bytes) that produced the signature over the hash.</summary>
    /// <exception cref="ArgumentException">The signature does not determine a valid point.</exception>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> messageHash, EcdsaSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        RequireHash(messageHash);
        var point = RecoverPoint(messageHash.ToArray(), ToBc(signature.R), ToBc(signature.S), signature.RecoveryId)
            ?? throw new ArgumentException("The signature does not recover to a point on secp256k1.", nameof(signature));
        return point.GetEncoded(false).AsSpan(1).ToArray();
    }

    /// <summary>Recovers the address that produced the signature over the hash.</summary>
    public static EthereumAddress RecoverAddress(ReadOnlySpan<byte> messageHash, EcdsaSignature signature) =>
        EthereumAddress.FromPublicKey(RecoverPublicKey(messageHash, signature));

    /// <summary>Verifies a signature against an uncompressed public key (64 bytes).</summary>
    public static bool Verify(ReadOnlySpan<byte> messageHash, EcdsaSignature signature, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(signature);
        RequireHash(messageHash);
        var encoded = new byte[65];
        encoded[0] = 0x04;
        publicKey.CopyTo(encoded.AsSpan(1));
        var point = Secp256k1Curve.Domain.Curve.DecodePoint(encoded);
        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(point, Secp256k1Curve.Domain));
        return verifier.VerifySignature(messageHash.ToArray(), ToBc(signature.R), ToBc(signature.S));
    }

    // SEC 1 v2, section 4.1.6, for the first candidate x = r (x = r + n is beyond p for all practical r).
    private static ECPoint? RecoverPoint(byte[] hash, BcBigInteger r, BcBigInteger s, int recoveryId)
    {
        if (recoveryId is < 0 or > 1 || r.SignValue <= 0 || s.SignValue <= 0
            || r.CompareTo(Secp256k1Curve.N) >= 0 || s.CompareTo(Secp256k1Curve.N) >= 0)
        {
            return null;
        }

        var domain = Secp256k1Curve.Domain;
        var compressed = new byte[33];
        compressed[0] = (byte)(0x02 + recoveryId);
        Secp256k1Curve.ToWord(r).CopyTo(compressed, 1);
        ECPoint rPoint;
        try
        {
            rPoint = domain.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var n = domain.N;
        var e = new BcBigInteger(1, hash);
        var rInverse = r.ModInverse(n);
        var u1 = e.Negate().Multiply(rInverse).Mod(n);
        var u2 = s.Multiply(rInverse).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(domain.G, u1, rPoint, u2).Normalize();
        return q.IsInfinity ? null : q;
    }

    private static void RequireHash(ReadOnlySpan<byte> messageHash)
    {
        if (messageHash.Length != 32)
        {
            throw new ArgumentException($"A message hash has 32 bytes, got {messageHash.Length}.", nameof(messageHash));
        }
    }

    private static BigInteger ToSystem(BcBigInteger value) => new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

    private static BcBigInteger ToBc(BigInteger value) => new(1, value.ToByteArray(isUnsigned: true, isBigEndian: true));
}
