using System.Globalization;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Mechanism.Calibration;

namespace CoCoGen.Federation.Adapters.Calibration;

/// <summary>Paper Fig. 3 for one α: every seed's point, the seed means and the pooled fitted curve.</summary>
public static class ScalingChart
{
    private const int CurvePoints = 40;

    /// <summary>The chart of <paramref name="calibration"/>.</summary>
    public static LineChart Of(ScalingCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var raw = calibration.Points.Select(p => new ChartPoint(p.Samples, p.Loss)).ToArray();
        var (samples, losses) = ScalingFit.SeedMeans(calibration.Points);
        var means = samples.Zip(losses, (n, l) => new ChartPoint(n, l)).ToArray();
        var low = calibration.Points.Min(p => p.Samples);
        var high = calibration.Points.Max(p => p.Samples);
        var curve = Enumerable.Range(0, CurvePoints)
            .Select(k => low + ((high - low) * k / (double)(CurvePoints - 1)))
            .Select(n => new ChartPoint(n, (calibration.A * Math.Pow(n, -calibration.B)) + calibration.C))
            .ToArray();
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{calibration.Dataset}, α = {calibration.Alpha}: pooled R² {Rounded(calibration.RSquared):F2} (points), {Rounded(calibration.RSquaredSeedMeans):F2} (seed means)");
        return new LineChart(
            title,
            "n = D_i + g (samples)",
            $"{calibration.Measure.ToString().ToLowerInvariant()} loss",
            [
                new LineSeries($"each seed ({calibration.Seeds})", raw, Connected: false),
                new LineSeries("seed means", means, Connected: false),
                new LineSeries("pooled fit", curve, Marked: false),
            ]);
    }

    // A fit that explains nothing has R² of ±1e-13; print it as 0.00, not −0.00.
    private static double Rounded(double value) => Math.Round(value, 2) is var r && r == 0 ? 0 : r;
}
