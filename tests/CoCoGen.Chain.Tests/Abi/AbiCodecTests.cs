using System.Numerics;
using CoCoGen.Chain.Abi;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Tests.Abi;

public sealed class AbiCodecTests
{
    [Theory]
    [InlineData("int256", -1, "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int8", -128, "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData("uint8", 255, "0x00000000000000000000000000000000000000000000000000000000000000ff")]
    public void Integers_are_sign_extended_words(string type, long value, string expected)
    {
        var abiType = AbiType.Parse(type);
        var encoded = AbiEncoder.EncodeSingle(abiType, value);
        Assert.Equal(expected, Hex.Encode(encoded));
        Assert.Equal(new BigInteger(value), AbiDecoder.DecodeSingle(abiType, encoded));
    }

    [Theory]
    [InlineData("uint8", 256)]
    [InlineData("int8", 128)]
    [InlineData("int8", -129)]
    [InlineData("uint256", -1)]
    public void Out_of_range_integers_are_rejected_with_the_slot_named(string type, long value)
    {
        var exception = Assert.Throws<ArgumentException>(() => AbiEncoder.EncodeSingle(AbiType.Parse(type), value));
        Assert.Contains("arguments[0]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tuple_with_a_dynamic_member_round_trips()
    {
        var profile = AbiType.Parse("(uint64,uint64,uint256,int256,bytes32,string)");
        Assert.True(profile.IsDynamic);
        var hash = Enumerable.Range(0, 32).Select(index => (byte)index).ToArray();
        object?[] value = [new BigInteger(600), new BigInteger(120), new BigInteger(5) * BigInteger.Pow(10, 17), new BigInteger(-42), hash, "org3"];
        var encoded = AbiEncoder.Encode([profile, AbiType.Parse("address")], [value, EthereumAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]);
        var decoded = AbiDecoder.Decode([profile, AbiType.Parse("address")], encoded);
        var tuple = (object?[])decoded[0]!;
        Assert.Equal(new BigInteger(-42), tuple[3]);
        Assert.Equal(hash, (byte[])tuple[4]!);
        Assert.Equal("org3", tuple[5]);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", decoded[1]!.ToString());
    }

    [Fact]
    public void Static_tuple_is_encoded_in_place()
    {
        var pair = AbiType.Parse("(uint64,bytes32)");
        Assert.False(pair.IsDynamic);
        Assert.Equal(64, pair.HeadSize);
        Assert.Equal(64, AbiEncoder.EncodeSingle(pair, new object[] { 1, new byte[32] }).Length);
    }

    [Fact]
    public void Offsets_pointing_outside_the_data_are_rejected()
    {
        var data = new byte[32];
        data[31] = 0xff;
        Assert.Throws<FormatException>(() => AbiDecoder.DecodeSingle(AbiType.Parse("bytes"), data));
    }

    [Fact]
    public void Bool_words_other_than_zero_or_one_are_rejected()
    {
        var data = new byte[32];
        data[31] = 2;
        Assert.Throws<FormatException>(() => AbiDecoder.DecodeSingle(AbiType.Parse("bool"), data));
    }

    [Theory]
    [InlineData("uint7")]
    [InlineData("bytes33")]
    [InlineData("uint256[0]")]
    [InlineData("fixed128x18")]
    public void Invalid_type_names_are_rejected(string name) => Assert.Throws<FormatException>(() => AbiType.Parse(name));

    [Fact]
    public void Canonical_names_spell_out_aliases_and_tuples() =>
        Assert.Equal("(uint256,int256,(address,bytes32)[])[2]", AbiType.Parse("(uint,int,(address,bytes32)[])[2]").CanonicalName);
}
