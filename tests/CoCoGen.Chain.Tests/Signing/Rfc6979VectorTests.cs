using System.Security.Cryptography;
using System.Text;
using CoCoGen.Chain.Primitives;
using CoCoGen.Chain.Signing;

namespace CoCoGen.Chain.Tests.Signing;

// The widely published RFC 6979 secp256k1 vectors (SHA-256 of the message, low-s form), e.g. in btcd's and
// ACINQ's test suites.
public sealed class Rfc6979VectorTests
{
    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001", "Satoshi Nakamoto",
        "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001", "All those moments will be lost in time, like tears in rain. Time to die...",
        "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b", "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Satoshi Nakamoto",
        "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0", "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5")]
    [InlineData("0xcca9fbcc1b41e5a95d369eaa6ddcff73b61a4efaa279cfc6567e8daa39cbaf50", "sample",
        "af340daf02cc15c8d5d08d7735dfe6b98a474ed373bdb5fbecf7571be52b3842", "5009fb27f37034a9b24b707b7c6b79ca23ddef9e25f7282e8a797efe53a8f124")]
    public void Deterministic_low_s_signatures_match_the_published_vectors(string privateKey, string message, string r, string s)
    {
        var key = Secp256k1PrivateKey.FromHex(privateKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(message));
        var signature = key.Sign(hash);
        Assert.Equal(r, Hex.Encode(EvmWordOf(signature.R))[2..]);
        Assert.Equal(s, Hex.Encode(EvmWordOf(signature.S))[2..]);
        Assert.Equal(key.PublicKey, Secp256k1Signer.RecoverPublicKey(hash, signature));
    }

    [Fact]
    public void Keys_outside_the_curve_order_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Secp256k1PrivateKey(new byte[32]));
        Assert.Throws<ArgumentException>(() => Secp256k1PrivateKey.FromHex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));
        Assert.Throws<ArgumentException>(() => new Secp256k1PrivateKey(new byte[31]));
    }

    private static byte[] EvmWordOf(System.Numerics.BigInteger value)
    {
        var word = new byte[32];
        EvmWord.Write(value, word);
        return word;
    }
}
