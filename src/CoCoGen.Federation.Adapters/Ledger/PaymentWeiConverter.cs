using System.Globalization;
using System.Numerics;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>
/// Converts a budget-balanced payment vector in payoff units (doubles, as M^Shap produces) into integer wei that
/// sum to exactly 0, for <c>payoffTransferNet</c>.
/// <para>
/// Rule (largest remainder, exact): every double is an exact binary fraction, so e_i = p_i · weiPerUnit is an exact
/// rational. The floating-point residual S = Σ e_i (M^Shap's |Σ p_i| is ≤ 3·10⁻¹⁴ units, not money anyone earned)
/// is shared equally: t_i = e_i − S / n, so Σ t_i = 0 exactly. Each member gets ⌊t_i⌋ wei, and the k = −Σ⌊t_i⌋
/// members with the largest fractional parts t_i − ⌊t_i⌋ get one wei more (ties: the lower index first). So every
/// member receives ⌊t_i⌋ or ⌈t_i⌉, within one wei of its exact share, and the entries sum to 0.
/// </para>
/// </summary>
public static class PaymentWeiConverter
{
    /// <summary>
    /// The largest accepted |Σ p_i| relative to max(1, Σ|p_i|): a vector further from balance is not a
    /// budget-balanced payment vector and is refused rather than silently rebalanced.
    /// </summary>
    public const double RelativeBalanceTolerance = 1e-9;

    /// <summary>Converts <paramref name="payments"/> (payoff units; positive receives) into wei summing to exactly 0.</summary>
    /// <param name="payments">One payment per member, in member-index order.</param>
    /// <param name="weiPerUnit">Wei per payoff unit (the contract's <c>weiPerUnit</c>), positive.</param>
    /// <exception cref="ArgumentException">No payments, a payment is not finite (named by index), or the vector is not balanced.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weiPerUnit"/> is not positive.</exception>
    public static BigInteger[] ToWei(IReadOnlyList<double> payments, BigInteger weiPerUnit)
    {
        ArgumentNullException.ThrowIfNull(payments);
        if (weiPerUnit.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weiPerUnit), weiPerUnit, "weiPerUnit must be positive.");
        }

        int n = payments.Count;
        if (n == 0)
        {
            throw new ArgumentException("payments: at least one member is needed.", nameof(payments));
        }

        double sum = 0, magnitude = 0;
        var fractions = new ExactBinaryFraction[n];
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(payments[i]))
            {
                throw new ArgumentException($"payments[{i}]: must be finite, got {payments[i].ToString(CultureInfo.InvariantCulture)}.", nameof(payments));
            }

            sum += payments[i];
            magnitude += Math.Abs(payments[i]);
            fractions[i] = ExactBinaryFraction.Of(payments[i]);
        }

        if (Math.Abs(sum) > RelativeBalanceTolerance * Math.Max(1, magnitude))
        {
            throw new ArgumentException(
                $"payments: sum to {sum.ToString("R", CultureInfo.InvariantCulture)} payoff units, not 0 (tolerance {RelativeBalanceTolerance} of max(1, Σ|p|)); not a budget-balanced vector.",
                nameof(payments));
        }

        // Common denominator 2^K: E_i = p_i · weiPerUnit · 2^K is an integer.
        int k = fractions.Max(f => f.DenominatorExponent);
        var scaled = new BigInteger[n];
        var total = BigInteger.Zero;
        for (int i = 0; i < n; i++)
        {
            scaled[i] = fractions[i].Numerator * weiPerUnit << (k - fractions[i].DenominatorExponent);
            total += scaled[i];
        }

        // t_i = (n·E_i − ΣE) / (n·2^K); Σ numerators = 0.
        var denominator = n * (BigInteger.One << k);
        var wei = new BigInteger[n];
        var remainders = new BigInteger[n];
        var floorSum = BigInteger.Zero;
        for (int i = 0; i < n; i++)
        {
            var numerator = (n * scaled[i]) - total;
            var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
            if (remainder.Sign < 0)
            {
                quotient -= 1;
                remainder += denominator;
            }

            wei[i] = quotient;
            remainders[i] = remainder;
            floorSum += quotient;
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => remainders[i]).ThenBy(i => i);
        foreach (int i in order.Take((int)-floorSum))
        {
            wei[i] += 1;
        }

        return wei;
    }

    /// <summary>A finite double as Numerator / 2^DenominatorExponent, exactly.</summary>
    private readonly record struct ExactBinaryFraction(BigInteger Numerator, int DenominatorExponent)
    {
        public static ExactBinaryFraction Of(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int exponentBits = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
            // Normal numbers carry the implicit leading 1; subnormals use the smallest exponent.
            if (exponentBits != 0)
            {
                mantissa |= 1L << 52;
            }

            int exponent = (exponentBits == 0 ? 1 : exponentBits) - 1075;
            var numerator = new BigInteger(bits < 0 ? -mantissa : mantissa);
            return exponent >= 0
                ? new ExactBinaryFraction(numerator << exponent, 0)
                : new ExactBinaryFraction(numerator, -exponent);
        }
    }
}
