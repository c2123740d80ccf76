using System.Globalization;
using CoCoGen.Mechanism.Baselines;

namespace CoCoGen.Mechanism.Sweeps;

/// <summary>Writes a sweep as CSV: one row per point, welfare of every baseline in its own column.</summary>
public static class SweepCsvWriter
{
    /// <summary>Writes the header and the rows.</summary>
    public static void Write(SweepResult sweep, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(writer);
        BaselineKind[] kinds = Enum.GetValues<BaselineKind>();
        writer.WriteLine(
            "axis,series,x,rho,alpha,gamma,solver,certified,avgGeneration,socialWelfare,"
            + string.Join(',', kinds.Select(k => "sw_" + k)) + "," + string.Join(',', kinds.Select(k => "avgG_" + k)));
        foreach (SweepPoint p in sweep.Points)
        {
            IEnumerable<string> welfare = kinds.Select(k => Number(p.Baselines.Single(b => b.Kind == k).SocialWelfare));
            IEnumerable<string> generation = kinds.Select(k => Number(p.Baselines.Single(b => b.Kind == k).AverageGeneration));
            writer.WriteLine(string.Join(
                ',',
                [
                    sweep.Axis.ToString().ToLowerInvariant(), p.Series, Number(p.X), Number(p.Rho), Number(p.Alpha), Number(p.Gamma),
                    p.Solver.ToString(), p.CertificateHolds ? "true" : "false", Number(p.AverageGeneration), Number(p.SocialWelfare),
                    .. welfare, .. generation,
                ]));
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
