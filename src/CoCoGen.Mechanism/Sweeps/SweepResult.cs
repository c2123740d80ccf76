namespace CoCoGen.Mechanism.Sweeps;

/// <summary>All points of one sweep, in series order then x order.</summary>
/// <param name="Axis">The swept parameter.</param>
/// <param name="Points">The points.</param>
/// <param name="CurveSource">Where the α loss curves come from (the table's source label).</param>
public sealed record SweepResult(SweepAxis Axis, IReadOnlyList<SweepPoint> Points, string CurveSource)
{
    /// <summary>Series labels in first-appearance order.</summary>
    public IReadOnlyList<string> Series => Points.Select(p => p.Series).Distinct().ToArray();
}
