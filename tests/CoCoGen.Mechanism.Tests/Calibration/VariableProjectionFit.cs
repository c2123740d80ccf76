namespace CoCoGen.Mechanism.Tests.Calibration;

/// <summary>
/// An independent least-squares reference for ℓ(n) = a·n^(−b) + c, sharing no code with the fit under test:
/// for a fixed b the model is linear in (a, c), so a and c have a closed form (ordinary least squares on
/// the regressor n^(−b)); the remaining one-dimensional residual is minimised over b by a fine scan and a
/// golden-section refinement. Ignores the bounds a &gt; 0, c ≥ 0 (callers use data where they do not bind).
/// </summary>
internal static class VariableProjectionFit
{
    public static (double A, double B, double C, double Rss) Fit(IReadOnlyList<double> n, IReadOnlyList<double> y, double minimumB = 1e-4, double maximumB = 0.9999)
    {
        var bestB = minimumB;
        var bestRss = double.PositiveInfinity;
        const int scan = 2000;
        for (var k = 0; k <= scan; k++)
        {
            var b = minimumB + ((maximumB - minimumB) * k / scan);
            var rss = Solve(n, y, b).Rss;
            if (rss < bestRss)
            {
                bestRss = rss;
                bestB = b;
            }
        }

        var step = (maximumB - minimumB) / scan;
        var lo = Math.Max(minimumB, bestB - step);
        var hi = Math.Min(maximumB, bestB + step);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var m1 = hi - (ratio * (hi - lo));
            var m2 = lo + (ratio * (hi - lo));
            if (Solve(n, y, m1).Rss < Solve(n, y, m2).Rss)
            {
                hi = m2;
            }
            else
            {
                lo = m1;
            }
        }

        var bStar = (lo + hi) / 2;
        var (a, c, r) = Solve(n, y, bStar);
        return (a, bStar, c, r);
    }

    private static (double A, double C, double Rss) Solve(IReadOnlyList<double> n, IReadOnlyList<double> y, double b)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var count = n.Count;
        for (var k = 0; k < count; k++)
        {
            var x = Math.Pow(n[k], -b);
            sx += x;
            sy += y[k];
            sxx += x * x;
            sxy += x * y[k];
        }

        var a = ((count * sxy) - (sx * sy)) / ((count * sxx) - (sx * sx));
        var c = (sy - (a * sx)) / count;
        double rss = 0;
        for (var k = 0; k < count; k++)
        {
            var e = y[k] - ((a * Math.Pow(n[k], -b)) + c);
            rss += e * e;
        }

        return (a, c, rss);
    }
}
