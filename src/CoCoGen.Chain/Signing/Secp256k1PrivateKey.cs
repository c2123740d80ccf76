using System.Security.Cryptography;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Signing;

/// <summary>A secp256k1 private key (a scalar in [1, n−1]) with its public key and Ethereum address.</summary>
public sealed class Secp256k1PrivateKey
{
    private readonly byte[] _scalar;

    /// <summary>Wraps 32 big-endian bytes.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes, zero, or not below the curve order.</exception>
    public Secp256k1PrivateKey(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != 32)
        {
            throw new ArgumentException($"A private key has 32 bytes, got {scalar.Length}.", nameof(scalar));
        }

        var value = Secp256k1Curve.ToBc(scalar);
        if (value.SignValue == 0 || value.CompareTo(Secp256k1Curve.N) >= 0)
        {
            throw new ArgumentException("A private key must lie in [1, n-1] of secp256k1.", nameof(scalar));
        }

        _scalar = scalar.ToArray();
        var point = Secp256k1Curve.Domain.G.Multiply(value).Normalize();
        PublicKey = point.GetEncoded(compressed: false).AsSpan(1).ToArray();
        CompressedPublicKey = point.GetEncoded(compressed: true);
        Address = EthereumAddress.FromPublicKey(PublicKey);
    }

    /// <summary>Uncompressed public key x‖y (64 bytes, no 0x04 prefix).</summary>
    public byte[] PublicKey { get; }

    /// <summary>SEC1 compressed public key (33 bytes).</summary>
    public byte[] CompressedPublicKey { get; }

    /// <summary>The Ethereum address of this key.</summary>
    public EthereumAddress Address { get; }

    /// <summary>Parses "0x" + 64 hex digits.</summary>
    public static Secp256k1PrivateKey FromHex(string hex) => new(Hex.Decode(hex));

    /// <summary>A fresh key from the operating system's random source.</summary>
    public static Secp256k1PrivateKey Generate()
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetBytes(32);
            var value = Secp256k1Curve.ToBc(candidate);
            if (value.SignValue != 0 && value.CompareTo(Secp256k1Curve.N) < 0)
            {
                return new Secp256k1PrivateKey(candidate);
            }
        }
    }

    /// <summary>The 32 scalar bytes (a copy).</summary>
    public byte[] ToBytes() => (byte[])_scalar.Clone();

    /// <summary>"0x" + 64 hex digits.</summary>
    public string ToHex() => Hex.Encode(_scalar);

    /// <summary>Signs a 32-byte message hash (RFC 6979 deterministic k, low-s).</summary>
    public EcdsaSignature Sign(ReadOnlySpan<byte> messageHash) => Secp256k1Signer.Sign(messageHash, this);

    internal Org.BouncyCastle.Math.BigInteger Scalar => Secp256k1Curve.ToBc(_scalar);
}
