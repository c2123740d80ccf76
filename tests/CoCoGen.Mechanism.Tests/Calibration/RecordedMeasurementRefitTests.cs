using System.Text.Json;
using CoCoGen.Mechanism.Calibration;

namespace CoCoGen.Mechanism.Tests.Calibration;

/// <summary>
/// The small recorded Fashion-MNIST measurement shipped in calibration/test-loss (4 organizations × 5 grid
/// points × 2 seeds, measured by cocogen fit-scaling): refitting its points gives back the parameters stored
/// in the file, and those equal an independent variable-projection least-squares fit.
/// </summary>
public sealed class RecordedMeasurementRefitTests
{
    private static readonly string Recorded = Path.Combine(AppContext.BaseDirectory, "Recorded", "fashion-mnist-alpha-0.5.json");

    [Fact]
    public void Refitting_the_recorded_points_reproduces_the_stored_parameters_and_an_independent_fit()
    {
        Assert.True(File.Exists(Recorded), $"the recorded measurement {Recorded} is missing (calibration/test-loss/fashion-mnist-alpha-0.5.json)");
        using var document = JsonDocument.Parse(File.ReadAllBytes(Recorded));
        var root = document.RootElement;
        var points = root.GetProperty("points").EnumerateArray().ToArray();
        var samples = points.Select(p => p.GetProperty("samples").GetDouble()).ToArray();
        var losses = points.Select(p => p.GetProperty("loss").GetDouble()).ToArray();

        var fit = PowerLawFit.Fit(samples, losses);
        var reference = VariableProjectionFit.Fit(samples, losses);

        Assert.Equal(40, points.Length);
        Assert.Equal(root.GetProperty("a").GetDouble(), fit.A, root.GetProperty("a").GetDouble() * 1e-6);
        Assert.Equal(root.GetProperty("b").GetDouble(), fit.B, 1e-6);
        Assert.Equal(root.GetProperty("c").GetDouble(), fit.C, 1e-6);
        Assert.Equal(root.GetProperty("rSquared").GetDouble(), fit.RSquared, 1e-9);
        Assert.Equal(reference.B, fit.B, 2e-3);
        Assert.Equal(reference.C, fit.C, 2e-3);
        Assert.Equal(reference.Rss, fit.ResidualSumOfSquares, reference.Rss * 1e-4);
    }
}
