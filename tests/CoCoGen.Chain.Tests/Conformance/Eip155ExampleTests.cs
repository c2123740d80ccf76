using System.Globalization;
using System.Numerics;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;

namespace CoCoGen.Chain.Tests.Conformance;

// The worked example of EIP-155 (EIPS/eip-155.md), through Nethereum's legacy signer.
public sealed class Eip155ExampleTests
{
    private const string Key = "4646464646464646464646464646464646464646464646464646464646464646";
    private const string To = "0x3535353535353535353535353535353535353535";

    private static LegacyTransactionChainId Example() =>
        new(To, BigInteger.Pow(10, 18), 9, 20_000_000_000, 21000, 1);

    [Fact]
    public void Signing_data_and_hash_match_the_eip()
    {
        var payload = Example().GetRLPEncodedRaw();
        Assert.Equal("ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080", Convert.ToHexStringLower(payload));
        Assert.Equal("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(payload)));
    }

    [Fact]
    public void Signature_and_raw_transaction_match_the_eip()
    {
        var raw = new LegacyTransactionSigner().SignTransaction(Convert.FromHexString(Key), 1, To, BigInteger.Pow(10, 18), 9, 20_000_000_000, 21000, string.Empty);
        Assert.Equal(
            "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            raw.StartsWith("0x", StringComparison.Ordinal) ? raw[2..] : raw);
        var decoded = TransactionFactory.CreateTransaction(raw);
        Assert.Equal(BigInteger.Parse("18515461264373351373200002665853028612451056578545711640558177340181847433846", CultureInfo.InvariantCulture), new BigInteger(decoded.Signature.R, isUnsigned: true, isBigEndian: true));
        Assert.Equal(BigInteger.Parse("46948507304638947509940763649030358759909902576025900602547168820602576006531", CultureInfo.InvariantCulture), new BigInteger(decoded.Signature.S, isUnsigned: true, isBigEndian: true));
        Assert.Equal(37, (int)new BigInteger(decoded.Signature.V, isUnsigned: true, isBigEndian: true));
        Assert.Equal(new EthECKey(Key).GetPublicAddress(), TransactionVerificationAndRecovery.GetSenderAddress(raw));
    }
}
