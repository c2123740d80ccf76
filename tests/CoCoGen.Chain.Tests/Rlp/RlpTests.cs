using System.Numerics;
using CoCoGen.Chain.Primitives;
using CoCoGen.Chain.Rlp;

namespace CoCoGen.Chain.Tests.Rlp;

// Examples from the Ethereum wiki's RLP page (ethereum.org "Recursive-length prefix").
public sealed class RlpTests
{
    [Theory]
    [InlineData("dog", "0x83646f67")]
    [InlineData("", "0x80")]
    [InlineData("Lorem ipsum dolor sit amet, consectetur adipisicing elit",
        "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974")]
    public void Strings_encode_as_published(string text, string expected) =>
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeString(text)));

    [Fact]
    public void List_of_cat_and_dog_encodes_as_published() =>
        Assert.Equal("0xc88363617483646f67", Hex.Encode(RlpEncoder.EncodeList(RlpEncoder.EncodeString("cat"), RlpEncoder.EncodeString("dog"))));

    [Fact]
    public void Empty_list_encodes_as_c0() => Assert.Equal("0xc0", Hex.Encode(RlpEncoder.EncodeList()));

    [Theory]
    [InlineData(0, "0x80")]
    [InlineData(15, "0x0f")]
    [InlineData(127, "0x7f")]
    [InlineData(128, "0x8180")]
    [InlineData(1024, "0x820400")]
    public void Integers_encode_as_published(long value, string expected) =>
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeInteger(value)));

    [Fact]
    public void Single_bytes_below_0x80_encode_as_themselves()
    {
        Assert.Equal("0x00", Hex.Encode(RlpEncoder.EncodeBytes([0x00])));
        Assert.Equal("0x8180", Hex.Encode(RlpEncoder.EncodeBytes([0x80])));
    }

    [Fact]
    public void Set_theoretical_representation_of_three_encodes_as_published()
    {
        var empty = RlpEncoder.EncodeList();
        var one = RlpEncoder.EncodeList(empty);
        var three = RlpEncoder.EncodeList(empty, one, RlpEncoder.EncodeList(empty, one));
        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.Encode(three));
    }

    [Fact]
    public void Long_list_uses_the_long_prefix_and_round_trips()
    {
        var items = Enumerable.Range(0, 40).Select(index => RlpEncoder.EncodeInteger(index * 1000)).ToArray();
        var encoded = RlpEncoder.EncodeList(items);
        Assert.Equal(0xf8, encoded[0]);
        var decoded = RlpDecoder.Decode(encoded);
        Assert.Equal(40, decoded.Items.Count);
        Assert.Equal(new BigInteger(39_000), decoded.Items[39].ToBigInteger());
        Assert.Equal(Hex.Encode(encoded), Hex.Encode(RlpEncoder.Encode(decoded)));
    }

    [Theory]
    [InlineData("0x83646f67")]
    [InlineData("0xc88363617483646f67")]
    [InlineData("0xc7c0c1c0c3c0c1c0")]
    [InlineData("0x820400")]
    public void Decode_then_encode_is_identity(string hex) =>
        Assert.Equal(hex, Hex.Encode(RlpEncoder.Encode(RlpDecoder.Decode(Hex.Decode(hex)))));

    [Theory]
    [InlineData("0x8100")]
    [InlineData("0xb80100")]
    [InlineData("0x83646f")]
    [InlineData("0x83646f6767")]
    [InlineData("0xc883636174")]
    public void Non_canonical_truncated_or_trailing_input_is_rejected(string hex) =>
        Assert.Throws<FormatException>(() => RlpDecoder.Decode(Hex.Decode(hex)));
}
