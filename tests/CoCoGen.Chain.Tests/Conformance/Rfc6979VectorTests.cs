using System.Security.Cryptography;
using System.Text;
using CoCoGen.Chain.Sending;
using Nethereum.Signer;

namespace CoCoGen.Chain.Tests.Conformance;

// The widely published RFC 6979 secp256k1 vectors (SHA-256 of the message, low-s form), e.g. in btcd's and ACINQ's test
// suites, against Nethereum's EthECKey and against SignedTransaction.SignHash, which signs every transaction of the chain layer.
public sealed class Rfc6979VectorTests
{
    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "Satoshi Nakamoto",
        "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "All those moments will be lost in time, like tears in rain. Time to die...",
        "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b", "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Satoshi Nakamoto",
        "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0", "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5")]
    [InlineData("cca9fbcc1b41e5a95d369eaa6ddcff73b61a4efaa279cfc6567e8daa39cbaf50", "sample",
        "af340daf02cc15c8d5d08d7735dfe6b98a474ed373bdb5fbecf7571be52b3842", "5009fb27f37034a9b24b707b7c6b79ca23ddef9e25f7282e8a797efe53a8f124")]
    public void Deterministic_low_s_signatures_match_the_published_vectors(string privateKey, string message, string r, string s)
    {
        var key = new EthECKey(privateKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(message));
        var signature = key.SignAndCalculateV(hash);
        Assert.Equal(r, Word(signature.R));
        Assert.Equal(s, Word(signature.S));
        Assert.True(signature.IsLowS);
        Assert.Equal(key.GetPublicAddress(), EthECKey.RecoverFromSignature(signature, hash).GetPublicAddress());

        // The signer of the chain layer's transactions (libsecp256k1 through NBitcoin.Secp256k1): the same r and s, and its
        // v is the recovery id that gives the key back. The key 1 (two of the vectors) is 31 zero bytes and a one.
        var product = SignedTransaction.SignHash(key, hash);
        Assert.Equal(r, Word(product.R));
        Assert.Equal(s, Word(product.S));
        Assert.Equal(key.GetPublicAddress(), EthECKey.RecoverFromSignature(product, product.V[0], hash).GetPublicAddress());
    }

    private static string Word(byte[] value) => Convert.ToHexStringLower(value).PadLeft(64, '0');
}
