using System.Numerics;
using System.Text;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace CoCoGen.Chain.Tests.Conformance;

// The worked examples of the Solidity ABI specification (docs/abi-spec.rst), encoded and decoded by Nethereum from
// FunctionMessage DTOs, the idiom of the settlement binding.
public sealed class AbiSpecExampleTests
{
    [Function("baz")]
    public sealed class BazFunction : FunctionMessage
    {
        [Parameter("uint32", "x", 1)] public uint X { get; set; }

        [Parameter("bool", "y", 2)] public bool Y { get; set; }
    }

    [Function("bar")]
    public sealed class BarFunction : FunctionMessage
    {
        [Parameter("bytes3[2]", "x", 1)] public List<byte[]> X { get; set; } = [];
    }

    [Function("sam")]
    public sealed class SamFunction : FunctionMessage
    {
        [Parameter("bytes", "a", 1)] public byte[] A { get; set; } = [];

        [Parameter("bool", "b", 2)] public bool B { get; set; }

        [Parameter("uint256[]", "c", 3)] public List<BigInteger> C { get; set; } = [];
    }

    [Function("f")]
    public sealed class FFunction : FunctionMessage
    {
        [Parameter("uint256", "a", 1)] public BigInteger A { get; set; }

        [Parameter("uint32[]", "b", 2)] public List<uint> B { get; set; } = [];

        [Parameter("bytes10", "c", 3)] public byte[] C { get; set; } = [];

        [Parameter("bytes", "d", 4)] public byte[] D { get; set; } = [];
    }

    [Function("g")]
    public sealed class GFunction : FunctionMessage
    {
        [Parameter("uint256[][]", "a", 1)] public List<List<BigInteger>> A { get; set; } = [];

        [Parameter("string[]", "b", 2)] public List<string> B { get; set; } = [];
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    [Fact]
    public void Baz_with_69_and_true() =>
        Assert.Equal(
            "0xcdcd77c0"
            + "0000000000000000000000000000000000000000000000000000000000000045"
            + "0000000000000000000000000000000000000000000000000000000000000001",
            Hex(new BazFunction { X = 69, Y = true }.GetCallData()));

    [Fact]
    public void Bar_with_two_bytes3() =>
        Assert.Equal(
            "0xfce353f6"
            + "6162630000000000000000000000000000000000000000000000000000000000"
            + "6465660000000000000000000000000000000000000000000000000000000000",
            Hex(new BarFunction { X = ["abc"u8.ToArray(), "def"u8.ToArray()] }.GetCallData()));

    [Fact]
    public void Sam_with_dave_true_and_one_two_three()
    {
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
        var call = Hex(new SamFunction { A = "dave"u8.ToArray(), B = true, C = [1, 2, 3] }.GetCallData());
        Assert.Equal(expected, call);
        var decoded = new SamFunction().DecodeInput(call);
        Assert.Equal("dave"u8.ToArray(), decoded.A);
        Assert.True(decoded.B);
        Assert.Equal([1, 2, 3], decoded.C);
    }

    [Fact]
    public void F_with_dynamic_and_static_arguments()
    {
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
        var call = Hex(new FFunction { A = 0x123, B = [0x456, 0x789], C = "1234567890"u8.ToArray(), D = Encoding.UTF8.GetBytes("Hello, world!") }.GetCallData());
        Assert.Equal(expected, call);
        var decoded = new FFunction().DecodeInput(call);
        Assert.Equal(new BigInteger(0x123), decoded.A);
        Assert.Equal([0x456u, 0x789u], decoded.B);
        Assert.Equal("Hello, world!", Encoding.UTF8.GetString(decoded.D));
    }

    [Fact]
    public void G_with_nested_dynamic_arrays_and_strings()
    {
        var expected = "0x2289b18c" + string.Concat(
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
        Assert.Equal(expected, Hex(new GFunction { A = [[1, 2], [3]], B = ["one", "two", "three"] }.GetCallData()));
    }
}
