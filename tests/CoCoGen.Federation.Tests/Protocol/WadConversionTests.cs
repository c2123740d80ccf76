using System.Globalization;
using System.Numerics;
using CoCoGen.Federation.Protocol;

namespace CoCoGen.Federation.Tests.Protocol;

public sealed class WadConversionTests
{
    [Theory]
    [InlineData(1.5, "1500000000000000000")]
    [InlineData(-0.0123, "-12300000000000000")]
    [InlineData(0.0, "0")]
    [InlineData(123456.25, "123456250000000000000000")]
    public void Values_are_scaled_by_1e18_exactly(double value, string expected)
    {
        Assert.Equal(BigInteger.Parse(expected, CultureInfo.InvariantCulture), WadConversion.ToWad(value, "x"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_values_are_refused_naming_the_field(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WadConversion.ToWad(value, "contribution of org3 in round 4"));

        Assert.Contains("contribution of org3 in round 4", error.Message, StringComparison.Ordinal);
    }
}
