namespace CoCoGen.Mechanism.Calibration;

/// <summary>
/// Paper Fig. 3's fits of one α: ℓ(n) = a·n^(−b) + c per organization and pooled over every organization,
/// each fitted on every seed's point and scored both on those raw points and on their seed means (the mean
/// loss over seeds at each (organization, n)). With the same number of seeds at every point, the fit on raw
/// points and the fit on seed means have the same least-squares minimiser; only R² differs, the raw one
/// carrying the seed-to-seed noise that no curve of n can explain.
/// </summary>
/// <param name="Pooled">The fit over every organization's points.</param>
/// <param name="PooledRSquaredSeedMeans">R² of the pooled curve on the seed means.</param>
/// <param name="Curves">Each organization's fit, in first-appearance order of <see cref="ScalingPoint.Organization"/>.</param>
public sealed record ScalingFit(PowerLawFit Pooled, double PooledRSquaredSeedMeans, IReadOnlyList<OrganizationCurve> Curves)
{
    /// <summary>Fits <paramref name="points"/>; <paramref name="localSamples"/> gives each organization's D_i.</summary>
    public static ScalingFit Of(IReadOnlyList<ScalingPoint> points, IReadOnlyDictionary<string, long> localSamples)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(localSamples);
        var curves = new List<OrganizationCurve>();
        foreach (var group in points.GroupBy(p => p.Organization))
        {
            var own = group.ToArray();
            var fit = PowerLawFit.Fit(own.Select(p => (double)p.Samples).ToArray(), own.Select(p => p.Loss).ToArray());
            var means = SeedMeans(own);
            var id = group.Key;
            curves.Add(new OrganizationCurve(
                id,
                localSamples.TryGetValue(id, out var d) ? d : throw new ArgumentException($"no local sample count for organization {id}", nameof(localSamples)),
                fit,
                fit.RSquaredOn(means.Samples, means.Losses)));
        }

        var pooled = PowerLawFit.Fit(points.Select(p => (double)p.Samples).ToArray(), points.Select(p => p.Loss).ToArray());
        var pooledMeans = SeedMeans(points);
        return new ScalingFit(pooled, pooled.RSquaredOn(pooledMeans.Samples, pooledMeans.Losses), curves);
    }

    /// <summary>The mean loss over seeds at each (organization, n), in first-appearance order.</summary>
    public static (double[] Samples, double[] Losses) SeedMeans(IEnumerable<ScalingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var groups = points.GroupBy(p => (p.Organization, p.Samples)).ToArray();
        return (groups.Select(g => (double)g.Key.Samples).ToArray(), groups.Select(g => g.Average(p => p.Loss)).ToArray());
    }
}
