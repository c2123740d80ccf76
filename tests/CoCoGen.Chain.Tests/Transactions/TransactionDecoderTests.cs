using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;
using CoCoGen.Chain.Transactions;

namespace CoCoGen.Chain.Tests.Transactions;

public sealed class TransactionDecoderTests
{
    [Fact]
    public void Eip155_example_decodes_to_its_fields_and_sender()
    {
        const string raw = "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
        var decoded = TransactionDecoder.Decode(Hex.Decode(raw));
        var legacy = Assert.IsType<LegacyTransaction>(decoded.Transaction);
        Assert.Equal(1UL, legacy.ChainId);
        Assert.Equal(9UL, legacy.Nonce);
        Assert.Equal(new BigInteger(20_000_000_000), legacy.GasPrice);
        Assert.Equal(EthereumAddress.Parse("0x3535353535353535353535353535353535353535"), legacy.To);
        Assert.Equal(BigInteger.Pow(10, 18), legacy.Value);
        Assert.Equal(CoCoGen.Chain.Signing.Secp256k1PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646").Address, decoded.Sender);
        Assert.Equal(raw, decoded.RawHex);
    }

    [Fact]
    public void Eip1559_vector_with_access_list_decodes_and_reencodes()
    {
        const string raw = "0x02f8ac018203118080825208808080f85bf85994f39fd6e51aad88f6f4ce6ab8827279cfffb92266f842a00000000000000000000000000000000000000000000000000000000000000001a060fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe80a0df4810a25d0e147163b03e392bf083dc852702715b9ba848eb9821c70ce2c92ea00b6d11209ef326abaf83aa2443ba61851c7c8ca0813e347a04b501f584b03024";
        var decoded = TransactionDecoder.Decode(Hex.Decode(raw));
        var transaction = Assert.IsType<Eip1559Transaction>(decoded.Transaction);
        Assert.Equal(785UL, transaction.Nonce);
        Assert.Null(transaction.To);
        Assert.Equal(2, Assert.Single(transaction.AccessList).StorageKeys.Count);
        Assert.Equal(EthereumAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), decoded.Sender);
        Assert.Equal(raw, decoded.RawHex);
    }

    [Theory]
    [InlineData("0xf85182031184773594008252088080801ba0462e5dabe6d0e82ac9d2832d5ecc815e317669ae2eb018c2a07ae6f3a4763618a003214adcddee51ee1d46cb12a694f5520c851581fe53c543c8999d45fa18de07")]
    [InlineData("0x01f84b01808080808080c080a0cfac15d0507fbcdff8c8b489a85704f856f0b0803cacbbe9aa2a0fd34fd9c260a0571039b719e1c24b410bd6407b22539817c385d99dd9e07858fc973704564d5c")]
    [InlineData("0x02c0")]
    [InlineData("0x02cc01c0808080808080808080")]
    public void Pre_eip155_unsupported_types_and_malformed_input_are_rejected(string raw) =>
        Assert.Throws<FormatException>(() => TransactionDecoder.Decode(Hex.Decode(raw)));
}
