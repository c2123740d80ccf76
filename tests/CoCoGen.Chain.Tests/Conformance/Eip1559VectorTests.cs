using System.Numerics;
using CoCoGen.Chain.Sending;
using Nethereum.Model;
using SignedTransaction = CoCoGen.Chain.Sending.SignedTransaction;
using Nethereum.Signer;

namespace CoCoGen.Chain.Tests.Conformance;

// Signed EIP-1559 vectors from viem's src/accounts/utils/signTransaction.test.ts (Hardhat/Anvil account 0, chain 1,
// nonce 785, gas 21000, no recipient, value 0), through SignedTransaction.Sign, the signing step of TransactionSender.
public sealed class Eip1559VectorTests
{
    private static readonly EthECKey Key = new("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private static Transaction1559 Base(BigInteger? nonce = null, BigInteger? maxFee = null, BigInteger? tip = null, string? data = null, List<AccessListItem>? accessList = null) =>
        new(1, nonce ?? 785, tip ?? 0, maxFee ?? 0, 21000, null, 0, data, accessList ?? []);

    private static string Raw(Transaction1559 transaction) => "0x" + Convert.ToHexStringLower(SignedTransaction.Sign(Key, transaction).Raw);

    [Fact]
    public void Default_transaction_matches_viem() =>
        Assert.Equal(
            "0x02f850018203118080825208808080c080a04012522854168b27e5dc3d5839bab5e6b39e1a0ffd343901ce1622e3d64b48f1a04e00902ae0502c4728cbf12156290df99c3ed7de85b1dbfe20b5c36931733a33",
            Raw(Base()));

    [Fact]
    public void Fees_match_viem() =>
        Assert.Equal(
            "0x02f8590182031184773594008504a817c800825208808080c001a06ea33b188b30a5f5d0d1cec62b2bac7203ff428a49048766596727737689043fa0255b74c8e704e3692497a29cd246ffc4344b4107457ce1c914fe2b4e09993859",
            Raw(Base(maxFee: 20_000_000_000, tip: 2_000_000_000)));

    [Fact]
    public void Data_matches_viem() =>
        Assert.Equal(
            "0x02f8520182031180808252088080821234c001a054d552c58a162c9003633c20871d8e381ef7a3c35d1c8a79c7c12d5cf09a0914a03c5d6241f8c4fcf8b35262de038d3ab1940feb1a70b934ae5d40ea6bce912e2d",
            Raw(Base(data: "0x1234")));

    [Fact]
    public void Access_list_matches_viem()
    {
        var accessList = new List<AccessListItem>
        {
            new("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            [
                Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000001"),
                Convert.FromHexString("60fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe"),
            ]),
        };
        Assert.Equal(
            "0x02f8ac018203118080825208808080f85bf85994f39fd6e51aad88f6f4ce6ab8827279cfffb92266f842a00000000000000000000000000000000000000000000000000000000000000001a060fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe80a0df4810a25d0e147163b03e392bf083dc852702715b9ba848eb9821c70ce2c92ea00b6d11209ef326abaf83aa2443ba61851c7c8ca0813e347a04b501f584b03024",
            Raw(Base(accessList: accessList)));
    }

    [Fact]
    public void Signatures_are_low_s_recover_the_sender_and_hash_to_the_transaction_hash()
    {
        var half = BigInteger.Parse("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        for (var nonce = 0; nonce < 64; nonce++)
        {
            var signed = SignedTransaction.Sign(Key, Base(nonce: nonce));
            var decoded = TransactionFactory.CreateTransaction(signed.Raw);
            Assert.True(new BigInteger(decoded.Signature.S, isUnsigned: true, isBigEndian: true) <= half);
            Assert.Equal(Key.GetPublicAddress(), TransactionVerificationAndRecovery.GetSenderAddress(decoded));
            Assert.Equal("0x" + Convert.ToHexStringLower(decoded.Hash), signed.Hash.ToString());
            Assert.Equal(nonce, signed.Nonce);
        }
    }
}
