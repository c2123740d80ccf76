using System.Text;
using CoCoGen.Federation.Adapters.Authentication;
using Nethereum.Signer;

namespace CoCoGen.Federation.Tests.Transport;

public sealed class SignedStatementTests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Keccak_is_ethereums_keccak_256(string text, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(SignatureRecovery.Keccak(Encoding.UTF8.GetBytes(text))));

    [Fact]
    public void A_statement_recovers_its_signer_and_any_changed_field_recovers_someone_else()
    {
        var key = new EthECKey(new string('7', 64));
        var signer = new PartySigner("org2", key);
        var statement = new SignedStatement("UploadUpdate", "org2", 3, "work", new byte[32], 1_700_000_000_000, new byte[16]);
        var signature = signer.Sign(statement);

        Assert.Equal(65, signature.Length);
        Assert.Equal(key.GetPublicAddress().ToLowerInvariant(), SignatureRecovery.Signer(statement, signature));
        Assert.NotEqual(signer.Address, SignatureRecovery.Signer(statement with { Round = 4 }, signature));
        Assert.NotEqual(signer.Address, SignatureRecovery.Signer(statement with { Method = "Report" }, signature));
        Assert.Null(SignatureRecovery.Signer(statement, signature.AsSpan(0, 64)));
    }

    [Fact]
    public void Signatures_are_byte_for_byte_nethereums_eip191_signatures_and_recover_both_ways()
    {
        // Reference: Nethereum's EthereumMessageSigner (BouncyCastle), over many keys and statements.
        var reference = new EthereumMessageSigner();
        var random = new Random(20261201);
        for (int k = 0; k < 40; k++)
        {
            var secret = new byte[32];
            random.NextBytes(secret);
            secret[0] &= 0x7F;
            var key = new EthECKey(secret, true);
            var signer = new PartySigner("org" + k, key);
            var bodyHash = new byte[32];
            random.NextBytes(bodyHash);
            var statement = new SignedStatement("UploadUpdate", signer.Party, k, "work-" + k, bodyHash, 1_700_000_000_000 + k, bodyHash[..16]);

            var ours = signer.Sign(statement);
            var theirs = Convert.FromHexString(reference.EncodeUTF8AndSign(statement.Text(), key)[2..]);
            Assert.Equal(Convert.ToHexStringLower(theirs), Convert.ToHexStringLower(ours));
            Assert.Equal(signer.Address, SignatureRecovery.Signer(statement, theirs));
            Assert.Equal(signer.Address, reference.EncodeUTF8AndEcRecover(statement.Text(), "0x" + Convert.ToHexStringLower(ours)).ToLowerInvariant());
        }
    }

    [Fact]
    public void The_personal_message_hash_is_eip191s()
    {
        // Published vector (ethers.js hashMessage docs): hashMessage("Hello World").
        Assert.Equal(
            "a1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2",
            Convert.ToHexStringLower(SignatureRecovery.PersonalMessageHash(Encoding.UTF8.GetBytes("Hello World"))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(29)]
    public void A_signature_with_a_recovery_byte_other_than_27_or_28_recovers_nobody(byte v)
    {
        var signer = new PartySigner("org1", new EthECKey(new string('5', 64)));
        var statement = new SignedStatement("Join", "org1", 0, "", new byte[32], 1, new byte[16]);
        var signature = signer.Sign(statement);
        signature[64] = v;
        Assert.Null(SignatureRecovery.Signer(statement, signature));
    }

    [Fact]
    public void Random_bytes_recover_nobody_or_someone_else_never_throw()
    {
        var statement = new SignedStatement("Join", "org1", 0, "", new byte[32], 1, new byte[16]);
        var random = new Random(7);
        var signature = new byte[65];
        for (int i = 0; i < 200; i++)
        {
            random.NextBytes(signature);
            signature[64] = (byte)(27 + (i & 1));
            var recovered = SignatureRecovery.Signer(statement, signature);
            Assert.True(recovered is null || recovered.Length == 42);
        }
    }
}
