using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;
using CoCoGen.Chain.Signing;
using CoCoGen.Chain.Transactions;

namespace CoCoGen.Chain.Tests.Transactions;

// Signed EIP-1559 vectors from viem's src/accounts/utils/signTransaction.test.ts (Hardhat/Anvil account 0,
// chain 1, nonce 785, gas 21000, no recipient, value 0).
public sealed class Eip1559VectorTests
{
    private static readonly PrivateKeySigner Signer = new(Secp256k1PrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));

    private static readonly Eip1559Transaction Base = new()
    {
        ChainId = 1,
        Nonce = 785,
        GasLimit = 21000,
        MaxFeePerGas = 0,
        MaxPriorityFeePerGas = 0,
    };

    [Fact]
    public void Default_transaction_matches_viem() =>
        Assert.Equal(
            "0x02f850018203118080825208808080c080a04012522854168b27e5dc3d5839bab5e6b39e1a0ffd343901ce1622e3d64b48f1a04e00902ae0502c4728cbf12156290df99c3ed7de85b1dbfe20b5c36931733a33",
            Signer.Sign(Base).RawHex);

    [Fact]
    public void Fees_match_viem() =>
        Assert.Equal(
            "0x02f8590182031184773594008504a817c800825208808080c001a06ea33b188b30a5f5d0d1cec62b2bac7203ff428a49048766596727737689043fa0255b74c8e704e3692497a29cd246ffc4344b4107457ce1c914fe2b4e09993859",
            Signer.Sign(Base with { MaxFeePerGas = 20_000_000_000, MaxPriorityFeePerGas = 2_000_000_000 }).RawHex);

    [Fact]
    public void Data_matches_viem() =>
        Assert.Equal(
            "0x02f8520182031180808252088080821234c001a054d552c58a162c9003633c20871d8e381ef7a3c35d1c8a79c7c12d5cf09a0914a03c5d6241f8c4fcf8b35262de038d3ab1940feb1a70b934ae5d40ea6bce912e2d",
            Signer.Sign(Base with { Data = [0x12, 0x34] }).RawHex);

    [Fact]
    public void Access_list_matches_viem()
    {
        var transaction = Base with
        {
            AccessList =
            [
                new AccessListEntry(
                    EthereumAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
                    [Hex.Decode("0x0000000000000000000000000000000000000000000000000000000000000001"), Hex.Decode("0x60fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe")]),
            ],
        };
        Assert.Equal(
            "0x02f8ac018203118080825208808080f85bf85994f39fd6e51aad88f6f4ce6ab8827279cfffb92266f842a00000000000000000000000000000000000000000000000000000000000000001a060fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe80a0df4810a25d0e147163b03e392bf083dc852702715b9ba848eb9821c70ce2c92ea00b6d11209ef326abaf83aa2443ba61851c7c8ca0813e347a04b501f584b03024",
            Signer.Sign(transaction).RawHex);
    }

    [Fact]
    public void Signatures_are_low_s_and_recover_the_sender()
    {
        var half = Org.BouncyCastle.Asn1.Sec.SecNamedCurves.GetByName("secp256k1").N.ShiftRight(1);
        for (ulong nonce = 0; nonce < 64; nonce++)
        {
            var transaction = Base with { Nonce = nonce };
            var signed = Signer.Sign(transaction);
            Assert.True(signed.Signature.S <= new System.Numerics.BigInteger(half.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true));
            Assert.Equal(Signer.Address, Secp256k1Signer.RecoverAddress(transaction.SigningHash(), signed.Signature));
        }
    }
}
