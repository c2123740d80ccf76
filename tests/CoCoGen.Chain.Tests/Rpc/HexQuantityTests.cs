using System.Numerics;
using CoCoGen.Chain.Rpc;

namespace CoCoGen.Chain.Tests.Rpc;

public sealed class HexQuantityTests
{
    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(1, "0x1")]
    [InlineData(65, "0x41")]
    [InlineData(1024, "0x400")]
    [InlineData(31337, "0x7a69")]
    public void Quantities_use_minimal_hex_as_the_json_rpc_spec_examples(long value, string expected)
    {
        Assert.Equal(expected, HexQuantity.Encode(value));
        Assert.Equal(new BigInteger(value), HexQuantity.Decode(expected));
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("41")]
    [InlineData("0xzz")]
    public void Malformed_quantities_are_rejected(string text) => Assert.Throws<FormatException>(() => HexQuantity.Decode(text));
}
