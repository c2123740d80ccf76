namespace CoCoGen.Federation.Reporting;

/// <summary>A named line: its points are drawn in the order given.</summary>
/// <param name="Name">Legend label.</param>
/// <param name="Points">The points; non-finite values are skipped.</param>
public sealed record LineSeries(string Name, IReadOnlyList<ChartPoint> Points);
