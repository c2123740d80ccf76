using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CoCoGen.Chain.Signing;

/// <summary>The secp256k1 domain parameters, shared by signing and key derivation.</summary>
internal static class Secp256k1Curve
{
    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");

    public static ECDomainParameters Domain { get; } = new(Parameters.Curve, Parameters.G, Parameters.N, Parameters.H);

    public static BcBigInteger N => Domain.N;

    public static BcBigInteger HalfN { get; } = Domain.N.ShiftRight(1);

    public static BcBigInteger ToBc(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian.ToArray());

    public static byte[] ToWord(BcBigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        if (bytes.Length == 32)
        {
            return bytes;
        }

        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }
}
