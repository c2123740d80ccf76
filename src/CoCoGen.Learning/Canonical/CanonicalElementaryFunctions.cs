namespace CoCoGen.Learning.Canonical;

/// <summary>
/// exp and log in float64 built only from IEEE-754 additions, multiplications, a division and exact
/// bit manipulation, so they return the same bits on every machine and runtime (Math.Exp and Math.Log call
/// the platform's C library, whose last-bit results differ between libm versions and operating systems).
/// No fused multiply-add is used: RyuJIT never contracts <c>a * b + c</c>, so every product and sum below is
/// rounded separately, in the order written. Both stay within 1 ulp of Math.Exp/Math.Log on the tested
/// inputs (see the tests); what money needs is the determinism, the accuracy is a bonus.
/// </summary>
public static class CanonicalElementaryFunctions
{
    // Cody–Waite split of ln 2 (fdlibm's constants): the high part has 21 trailing zero bits, so k·Ln2High
    // is exact for every exponent k an exp or log can produce.
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double InverseLn2 = 1.44269504088896338700e+00;
    private const double ExpOverflow = 7.09782712893383973096e+02;
    private const double ExpUnderflow = -7.45133219101941108420e+02;
    private const double Sqrt2 = 1.41421356237309504880;
    private const double SmallestNormal = 2.2250738585072014e-308;

    // fdlibm e_log.c minimax coefficients of (log(1+f) − f + f²/2 − s·f²/2)/s³-style remainder R(z), z = s².
    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;

    /// <summary>
    /// e^x: x = k·ln2 + r with k = round-half-even(x/ln2) and |r| ≤ ln2/2 (Cody–Waite), e^r by its Taylor
    /// series to r¹³/13! in Horner form (truncation below 5·10⁻¹⁸ relative), then scaled by 2^k built from
    /// its bits (two steps near the subnormal and overflow limits).
    /// </summary>
    /// <param name="x">Any double.</param>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > ExpOverflow)
        {
            return double.PositiveInfinity;
        }

        if (x < ExpUnderflow)
        {
            return 0.0;
        }

        double k = Math.Round(x * InverseLn2, MidpointRounding.ToEven);
        double r = (x - (k * Ln2High)) - (k * Ln2Low);
        double p = 1.0 / 6227020800.0;
        p = (p * r) + (1.0 / 479001600.0);
        p = (p * r) + (1.0 / 39916800.0);
        p = (p * r) + (1.0 / 3628800.0);
        p = (p * r) + (1.0 / 362880.0);
        p = (p * r) + (1.0 / 40320.0);
        p = (p * r) + (1.0 / 5040.0);
        p = (p * r) + (1.0 / 720.0);
        p = (p * r) + (1.0 / 120.0);
        p = (p * r) + (1.0 / 24.0);
        p = (p * r) + (1.0 / 6.0);
        p = (p * r) + 0.5;
        p = (p * r) + 1.0;
        p = (p * r) + 1.0;
        int exponent = (int)k;
        if (exponent < -1021)
        {
            // Scale into the normal range first so the one rounding into a subnormal happens at the end.
            return p * PowerOfTwo(exponent + 54) * PowerOfTwo(-54);
        }

        if (exponent > 1023)
        {
            return p * PowerOfTwo(exponent - 1) * 2.0;
        }

        return p * PowerOfTwo(exponent);
    }

    /// <summary>
    /// Natural logarithm, fdlibm's e_log.c algorithm: x = 2^k·m with m in (√2/2, √2], f = m − 1,
    /// s = f/(2 + f), log m = f − (f²/2 − s·(f²/2 + R(s²))) with fdlibm's degree-7 minimax R, plus k·ln2
    /// in two parts.
    /// </summary>
    /// <param name="x">Any double; negative gives NaN, zero −∞.</param>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        int k = 0;
        if (x < SmallestNormal)
        {
            x *= PowerOfTwo(54);
            k = -54;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        k += (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            k++;
        }

        double f = m - 1.0;
        double halfSquare = 0.5 * f * f;
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (Lg1 + (z * (Lg2 + (z * (Lg3 + (z * (Lg4 + (z * (Lg5 + (z * (Lg6 + (z * Lg7))))))))))));
        double dk = k;
        return (dk * Ln2High) - ((halfSquare - ((s * (halfSquare + r)) + (dk * Ln2Low))) - f);
    }

    private static double PowerOfTwo(int exponent) => BitConverter.Int64BitsToDouble((long)(exponent + 1023) << 52);
}
