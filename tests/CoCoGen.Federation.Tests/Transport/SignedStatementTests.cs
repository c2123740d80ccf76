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
}
