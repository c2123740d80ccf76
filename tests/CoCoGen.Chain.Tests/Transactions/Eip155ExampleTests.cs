using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;
using CoCoGen.Chain.Signing;
using CoCoGen.Chain.Transactions;

namespace CoCoGen.Chain.Tests.Transactions;

// The worked example of EIP-155 (EIPS/eip-155.md).
public sealed class Eip155ExampleTests
{
    private static readonly LegacyTransaction Example = new()
    {
        ChainId = 1,
        Nonce = 9,
        GasPrice = 20_000_000_000,
        GasLimit = 21000,
        To = EthereumAddress.Parse("0x3535353535353535353535353535353535353535"),
        Value = BigInteger.Pow(10, 18),
    };

    private static readonly Secp256k1PrivateKey Key = Secp256k1PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");

    [Fact]
    public void Signing_data_and_hash_match_the_eip()
    {
        Assert.Equal("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080", Hex.Encode(Example.SigningPayload()));
        Assert.Equal("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Hex.Encode(Example.SigningHash()));
    }

    [Fact]
    public void Signature_and_raw_transaction_match_the_eip()
    {
        var signed = new PrivateKeySigner(Key).Sign(Example);
        Assert.Equal(BigInteger.Parse("18515461264373351373200002665853028612451056578545711640558177340181847433846", System.Globalization.CultureInfo.InvariantCulture), signed.Signature.R);
        Assert.Equal(BigInteger.Parse("46948507304638947509940763649030358759909902576025900602547168820602576006531", System.Globalization.CultureInfo.InvariantCulture), signed.Signature.S);
        Assert.Equal(37, signed.Signature.RecoveryId + (2 * 1) + 35);
        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            signed.RawHex);
        Assert.Equal(Hex.Encode(CoCoGen.Chain.Hashing.Keccak256.Hash(signed.Raw)), signed.HashHex);
    }

    [Fact]
    public void Signature_recovers_the_signer_and_verifies()
    {
        var signature = Key.Sign(Example.SigningHash());
        Assert.Equal(Key.Address, Secp256k1Signer.RecoverAddress(Example.SigningHash(), signature));
        Assert.True(Secp256k1Signer.Verify(Example.SigningHash(), signature, Key.PublicKey));
        var other = Example with { Nonce = 10 };
        Assert.False(Secp256k1Signer.Verify(other.SigningHash(), signature, Key.PublicKey));
    }
}
