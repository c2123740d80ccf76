using System.Text.Json;
using System.Text.Json.Serialization;
using CoCoGen.Federation.Records;
using CoCoGen.Mechanism.Calibration;

namespace CoCoGen.Federation.Adapters.Calibration;

/// <summary>
/// The output of <c>cocogen fit-scaling</c> (paper Fig. 3) and the default loss curves of a run: the
/// pooled fit a, b, c, R² for one dataset and α, each organization's own fit, and the measured points.
/// </summary>
public sealed record ScalingCalibration
{
    /// <summary>Dataset name, for example <c>fashion-mnist</c>.</summary>
    public required string Dataset { get; init; }

    /// <summary>Dirichlet α of the partition.</summary>
    public required double Alpha { get; init; }

    /// <summary>Organizations the dataset was split over.</summary>
    public required int Organizations { get; init; }

    /// <summary>Seed of the partition and of the generator pre-training.</summary>
    public required int Seed { get; init; }

    /// <summary>Replicate seeds per point (1..Seeds, added to <see cref="Seed"/>).</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>Optimizer steps of every point's local training (0 when <see cref="Epochs"/> sets them).</summary>
    public int Steps { get; init; }

    // Left out when unset, so files measured before these settings existed refit to the same bytes.
    /// <summary>Passes over D_i + g of every point's local training, so steps grow with n (0: fixed <see cref="Steps"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Epochs { get; init; }

    /// <summary>Whether each point's learning rate decayed along a cosine to near zero.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CosineDecay { get; init; }

    /// <summary>Which loss the points record.</summary>
    public ScalingMeasure Measure { get; init; }

    /// <summary>Pooled scale a.</summary>
    public required double A { get; init; }

    /// <summary>Pooled exponent b.</summary>
    public required double B { get; init; }

    /// <summary>Pooled floor c.</summary>
    public required double C { get; init; }

    /// <summary>R² of the pooled fit on every seed's point.</summary>
    public required double RSquared { get; init; }

    /// <summary>R² of the pooled fit on the seed means.</summary>
    public double RSquaredSeedMeans { get; init; }

    /// <summary>The pooled fit with its 95 % intervals.</summary>
    public PowerLawFit? Pooled { get; init; }

    /// <summary>Per organization fits, in organization order.</summary>
    public required IReadOnlyList<OrganizationCurve> Curves { get; init; }

    /// <summary>Every measured point.</summary>
    public required IReadOnlyList<ScalingPoint> Points { get; init; }

    /// <summary>Where the data came from, to be stated beside any figure made from it.</summary>
    public string? Provenance { get; init; }

    /// <summary>The command that produced the file.</summary>
    public string? Command { get; init; }

    /// <summary>Reads a calibration file.</summary>
    public static ScalingCalibration Load(string path) =>
        JsonSerializer.Deserialize<ScalingCalibration>(File.ReadAllBytes(path), RunJson.Indented)
        ?? throw new InvalidDataException($"{path} is empty");

    /// <summary>
    /// The calibration in <paramref name="location"/> (a file, or a directory of fit-scaling outputs) for
    /// <paramref name="dataset"/> whose α is nearest <paramref name="alpha"/>.
    /// </summary>
    public static ScalingCalibration Find(string location, string dataset, double alpha)
    {
        if (File.Exists(location))
        {
            return Load(location);
        }

        var candidates = Directory.Exists(location)
            ? Directory.EnumerateFiles(location, "*.json").Order(StringComparer.Ordinal).Select(Load).Where(c => c.Dataset == dataset).ToArray()
            : [];
        return candidates.Length == 0
            ? throw new InvalidOperationException($"Mechanism:Calibration: no {dataset} calibration in '{location}' (write one with cocogen fit-scaling)")
            : candidates.MinBy(c => Math.Abs(Math.Log(c.Alpha) - Math.Log(alpha)))!;
    }

    /// <summary>The same measurement with its fits recomputed from <see cref="Points"/> (the stored command still reproduces it).</summary>
    public ScalingCalibration Refit()
    {
        var fit = ScalingFit.Of(Points, Curves.ToDictionary(c => c.Id, c => c.LocalSamples));
        return this with
        {
            A = fit.Pooled.A,
            B = fit.Pooled.B,
            C = fit.Pooled.C,
            RSquared = fit.Pooled.RSquared,
            RSquaredSeedMeans = fit.PooledRSquaredSeedMeans,
            Pooled = fit.Pooled,
            Curves = fit.Curves,
        };
    }

    /// <summary>Writes the calibration as indented JSON.</summary>
    public void Save(string path) => RunDirectory.WriteJson(path, this);
}
