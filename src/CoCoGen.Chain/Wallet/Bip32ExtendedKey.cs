using System.Buffers.Binary;
using System.Security.Cryptography;
using CoCoGen.Chain.Signing;
using Org.BouncyCastle.Crypto.Digests;

namespace CoCoGen.Chain.Wallet;

/// <summary>A BIP-32 extended private key: a secp256k1 key, its chain code and its place in the tree.</summary>
public sealed class Bip32ExtendedKey
{
    private const uint PrivateVersion = 0x0488ADE4;
    private const uint PublicVersion = 0x0488B21E;

    private readonly byte[] _chainCode;

    private Bip32ExtendedKey(Secp256k1PrivateKey key, byte[] chainCode, byte depth, uint parentFingerprint, uint childNumber)
    {
        Key = key;
        _chainCode = chainCode;
        Depth = depth;
        ParentFingerprint = parentFingerprint;
        ChildNumber = childNumber;
    }

    /// <summary>The private key at this node.</summary>
    public Secp256k1PrivateKey Key { get; }

    /// <summary>0 for the master key.</summary>
    public byte Depth { get; }

    /// <summary>First four bytes of HASH160 of the parent's compressed public key (0 for the master).</summary>
    public uint ParentFingerprint { get; }

    /// <summary>The index this node was derived with.</summary>
    public uint ChildNumber { get; }

    /// <summary>The master key of a seed: HMAC-SHA512(key "Bitcoin seed", seed).</summary>
    /// <exception cref="ArgumentException">The seed is shorter than 16 or longer than 64 bytes, or gives an invalid key.</exception>
    public static Bip32ExtendedKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length is < 16 or > 64)
        {
            throw new ArgumentException($"A BIP-32 seed has 16 to 64 bytes, got {seed.Length}.", nameof(seed));
        }

        var digest = HMACSHA512.HashData("Bitcoin seed"u8, seed);
        return new Bip32ExtendedKey(new Secp256k1PrivateKey(digest.AsSpan(0, 32)), digest[32..], 0, 0, 0);
    }

    /// <summary>Derives a child (CKDpriv); indices with the 2^31 bit are hardened.</summary>
    /// <exception cref="InvalidOperationException">The derived scalar is invalid (probability below 2^-127; BIP-32 says skip the index).</exception>
    public Bip32ExtendedKey Derive(uint index)
    {
        var data = new byte[37];
        if ((index & Bip32Path.HardenedBit) != 0)
        {
            Key.ToBytes().CopyTo(data, 1);
        }
        else
        {
            Key.CompressedPublicKey.CopyTo(data, 0);
        }

        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), index);
        var digest = HMACSHA512.HashData(_chainCode, data);
        var tweak = Secp256k1Curve.ToBc(digest.AsSpan(0, 32));
        var n = Secp256k1Curve.N;
        var child = tweak.Add(Key.Scalar).Mod(n);
        if (tweak.CompareTo(n) >= 0 || child.SignValue == 0)
        {
            throw new InvalidOperationException($"BIP-32 child {index} is invalid; use the next index.");
        }

        return new Bip32ExtendedKey(new Secp256k1PrivateKey(Secp256k1Curve.ToWord(child)), digest[32..], checked((byte)(Depth + 1)), Fingerprint(), index);
    }

    /// <summary>Derives along a path from this key.</summary>
    public Bip32ExtendedKey Derive(Bip32Path path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Indices.Aggregate(this, (node, index) => node.Derive(index));
    }

    /// <summary>The "xprv…" serialization.</summary>
    public string ToExtendedPrivateKey()
    {
        var keyData = new byte[33];
        Key.ToBytes().CopyTo(keyData, 1);
        return Serialize(PrivateVersion, keyData);
    }

    /// <summary>The "xpub…" serialization of the matching public node.</summary>
    public string ToExtendedPublicKey() => Serialize(PublicVersion, Key.CompressedPublicKey);

    private uint Fingerprint()
    {
        var ripemd = new RipeMD160Digest();
        var sha = SHA256.HashData(Key.CompressedPublicKey);
        ripemd.BlockUpdate(sha, 0, sha.Length);
        var hash160 = new byte[20];
        ripemd.DoFinal(hash160, 0);
        return BinaryPrimitives.ReadUInt32BigEndian(hash160);
    }

    private string Serialize(uint version, byte[] keyData)
    {
        var payload = new byte[78];
        BinaryPrimitives.WriteUInt32BigEndian(payload, version);
        payload[4] = Depth;
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(5), ParentFingerprint);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(9), ChildNumber);
        _chainCode.CopyTo(payload, 13);
        keyData.CopyTo(payload, 45);
        return Base58Check.Encode(payload);
    }
}
