using System.Globalization;
using System.Numerics;

namespace CoCoGen.Federation.Protocol;

/// <summary>Conversion of real numbers to the contract's fixed point (1e18 = 1), the same on every side.</summary>
public static class WadConversion
{
    /// <summary>One in fixed point.</summary>
    public static readonly BigInteger One = BigInteger.Pow(10, 18);

    /// <summary><paramref name="value"/> × 1e18, rounded half to even; rejects NaN and infinities.</summary>
    public static BigInteger ToWad(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(field, value, $"{field} must be a finite number to be written on chain");
        }

        // decimal keeps 28 significant digits, enough to scale by 1e18 exactly for the magnitudes a round produces.
        if (Math.Abs(value) < 1e10)
        {
            var scaled = decimal.Round((decimal)value * 1_000_000_000_000_000_000m, 0, MidpointRounding.ToEven);
            return BigInteger.Parse(scaled.ToString("F0", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return new BigInteger(Math.Round(value * 1e18, MidpointRounding.ToEven));
    }

    /// <summary>A fixed-point value back as a double (for reports).</summary>
    public static double ToDouble(BigInteger wad) => (double)wad / 1e18;
}
