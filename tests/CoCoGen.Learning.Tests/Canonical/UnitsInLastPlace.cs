namespace CoCoGen.Learning.Tests.Canonical;

/// <summary>Distance between two finite doubles of the same sign in representable steps.</summary>
internal static class UnitsInLastPlace
{
    public static long Between(double a, double b)
    {
        if (a == b)
        {
            return 0;
        }

        if (Math.Sign(a) != Math.Sign(b) || !double.IsFinite(a) || !double.IsFinite(b))
        {
            return long.MaxValue;
        }

        return Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));
    }
}
