using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

public sealed class CanonicalElementaryFunctionsTests
{
    // The stated bound: within 1 ulp of the platform's Math.Exp/Math.Log (glibc here) on every tested input.
    private const long UlpBound = 1;

    [Fact]
    public void Exp_IsWithinOneUlpOfMathExpAcrossItsWholeRange()
    {
        var random = new RandomSource(101);
        long worst = 0;
        double worstAt = 0;
        for (int i = 0; i < 300_000; i++)
        {
            double x = i % 3 switch
            {
                0 => -745.0 + (random.NextDouble() * (709.78 + 745.0)),
                1 => (random.NextDouble() * 2) - 1,
                _ => -30 * random.NextDouble(),
            };
            long ulps = UnitsInLastPlace.Between(CanonicalElementaryFunctions.Exp(x), Math.Exp(x));
            if (ulps > worst)
            {
                (worst, worstAt) = (ulps, x);
            }
        }

        Assert.True(worst <= UlpBound, $"exp is {worst} ulp from Math.Exp at x = {worstAt:R}");
    }

    [Fact]
    public void Exp_HandlesTheSpecialAndLimitInputs()
    {
        Assert.Equal(1.0, CanonicalElementaryFunctions.Exp(0.0));
        Assert.Equal(1.0, CanonicalElementaryFunctions.Exp(-0.0));
        Assert.Equal(double.PositiveInfinity, CanonicalElementaryFunctions.Exp(710));
        Assert.Equal(double.PositiveInfinity, CanonicalElementaryFunctions.Exp(double.PositiveInfinity));
        Assert.Equal(0.0, CanonicalElementaryFunctions.Exp(-746));
        Assert.Equal(0.0, CanonicalElementaryFunctions.Exp(double.NegativeInfinity));
        Assert.True(double.IsNaN(CanonicalElementaryFunctions.Exp(double.NaN)));
        foreach (double x in new[] { 709.78, 709.0, -708.0, -708.5, -720.0, -744.0, -745.13, 1e-300, -1e-300, 0.5 * Math.Log(2), -0.5 * Math.Log(2) })
        {
            Assert.True(UnitsInLastPlace.Between(CanonicalElementaryFunctions.Exp(x), Math.Exp(x)) <= UlpBound, $"exp({x:R}) = {CanonicalElementaryFunctions.Exp(x):R}, Math.Exp gives {Math.Exp(x):R}");
        }
    }

    [Fact]
    public void Log_IsWithinOneUlpOfMathLogOverEveryExponentAndNearOne()
    {
        var random = new RandomSource(202);
        long worst = 0;
        double worstAt = 0;
        for (int i = 0; i < 300_000; i++)
        {
            double x = i % 3 switch
            {
                // Any positive finite double, subnormals included: random bits below +inf.
                0 => BitConverter.Int64BitsToDouble((long)(random.NextUInt64() % 0x7FF0_0000_0000_0000UL) + 1),
                1 => 1 + ((random.NextDouble() - 0.5) * 1e-3),
                _ => 1 + (random.NextDouble() * 20),
            };
            long ulps = UnitsInLastPlace.Between(CanonicalElementaryFunctions.Log(x), Math.Log(x));
            if (ulps > worst)
            {
                (worst, worstAt) = (ulps, x);
            }
        }

        Assert.True(worst <= UlpBound, $"log is {worst} ulp from Math.Log at x = {worstAt:R}");
    }

    [Fact]
    public void Log_HandlesTheSpecialInputs()
    {
        Assert.Equal(0.0, CanonicalElementaryFunctions.Log(1.0));
        Assert.Equal(double.NegativeInfinity, CanonicalElementaryFunctions.Log(0.0));
        Assert.Equal(double.PositiveInfinity, CanonicalElementaryFunctions.Log(double.PositiveInfinity));
        Assert.True(double.IsNaN(CanonicalElementaryFunctions.Log(-1.0)));
        Assert.True(double.IsNaN(CanonicalElementaryFunctions.Log(double.NaN)));
        Assert.Equal(Math.Log(double.Epsilon), CanonicalElementaryFunctions.Log(double.Epsilon), 14);
        Assert.Equal(Math.Log(double.MaxValue), CanonicalElementaryFunctions.Log(double.MaxValue), 12);
    }
}
