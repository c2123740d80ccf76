using System.Numerics;
using System.Text;
using CoCoGen.Chain.Abi;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Tests.Abi;

// The worked examples of the Solidity ABI specification (docs/abi-spec.rst).
public sealed class AbiSpecExampleTests
{
    private static AbiFunction Function(string name, params string[] types) =>
        new(name, types.Select(type => new AbiParameter(string.Empty, AbiType.Parse(type))).ToArray(), []);

    private static string Words(params string[] words) => string.Concat(words);

    [Fact]
    public void Baz_with_69_and_true()
    {
        var baz = Function("baz", "uint32", "bool");
        Assert.Equal("0xcdcd77c0", Hex.Encode(baz.Selector));
        Assert.Equal(
            "0xcdcd77c0"
            + "0000000000000000000000000000000000000000000000000000000000000045"
            + "0000000000000000000000000000000000000000000000000000000000000001",
            Hex.Encode(baz.EncodeCall(69, true)));
    }

    [Fact]
    public void Bar_with_two_bytes3()
    {
        var bar = Function("bar", "bytes3[2]");
        Assert.Equal("0xfce353f6", Hex.Encode(bar.Selector));
        Assert.Equal(
            "0xfce353f6"
            + "6162630000000000000000000000000000000000000000000000000000000000"
            + "6465660000000000000000000000000000000000000000000000000000000000",
            Hex.Encode(bar.EncodeCall([new object[] { "abc"u8.ToArray(), "def"u8.ToArray() }])));
    }

    [Fact]
    public void Sam_with_dave_true_and_one_two_three()
    {
        var sam = Function("sam", "bytes", "bool", "uint256[]");
        var expected = "0xa5643bf2"
            + "0000000000000000000000000000000000000000000000000000000000000060"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "6461766500000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000003";
        var call = sam.EncodeCall("dave"u8.ToArray(), true, new BigInteger[] { 1, 2, 3 });
        Assert.Equal(expected, Hex.Encode(call));

        var decoded = AbiDecoder.Decode(sam.Inputs.Select(input => input.Type).ToArray(), call.AsSpan(4));
        Assert.Equal("dave"u8.ToArray(), (byte[])decoded[0]!);
        Assert.True((bool)decoded[1]!);
        Assert.Equal(new object[] { new BigInteger(1), new BigInteger(2), new BigInteger(3) }, (object?[])decoded[2]!);
    }

    [Fact]
    public void F_with_dynamic_and_static_arguments()
    {
        var f = Function("f", "uint", "uint32[]", "bytes10", "bytes");
        var expected = "0x8be65246"
            + "0000000000000000000000000000000000000000000000000000000000000123"
            + "0000000000000000000000000000000000000000000000000000000000000080"
            + "3132333435363738393000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000e0"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000456"
            + "0000000000000000000000000000000000000000000000000000000000000789"
            + "000000000000000000000000000000000000000000000000000000000000000d"
            + "48656c6c6f2c20776f726c642100000000000000000000000000000000000000";
        Assert.Equal("f(uint256,uint32[],bytes10,bytes)", f.Signature);
        var call = f.EncodeCall(0x123, new[] { 0x456, 0x789 }, "1234567890"u8.ToArray(), Encoding.UTF8.GetBytes("Hello, world!"));
        Assert.Equal(expected, Hex.Encode(call));

        var decoded = AbiDecoder.Decode(f.Inputs.Select(input => input.Type).ToArray(), call.AsSpan(4));
        Assert.Equal(new BigInteger(0x123), decoded[0]);
        Assert.Equal(new object[] { new BigInteger(0x456), new BigInteger(0x789) }, (object?[])decoded[1]!);
        Assert.Equal("1234567890"u8.ToArray(), (byte[])decoded[2]!);
        Assert.Equal("Hello, world!", Encoding.UTF8.GetString((byte[])decoded[3]!));
    }

    [Fact]
    public void G_with_nested_dynamic_arrays_and_strings()
    {
        var g = Function("g", "uint[][]", "string[]");
        var expected = "0x2289b18c" + Words(
            "0000000000000000000000000000000000000000000000000000000000000040",
            "0000000000000000000000000000000000000000000000000000000000000140",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000040",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000060",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "00000000000000000000000000000000000000000000000000000000000000e0",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "6f6e650000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "74776f0000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000005",
            "7468726565000000000000000000000000000000000000000000000000000000");
        var call = g.EncodeCall(new[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" });
        Assert.Equal(expected, Hex.Encode(call));

        var decoded = AbiDecoder.Decode(g.Inputs.Select(input => input.Type).ToArray(), call.AsSpan(4));
        var nested = (object?[])decoded[0]!;
        Assert.Equal(new object[] { new BigInteger(3) }, (object?[])nested[1]!);
        Assert.Equal(new object[] { "one", "two", "three" }, (object?[])decoded[1]!);
    }
}
