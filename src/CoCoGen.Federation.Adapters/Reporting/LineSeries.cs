namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>A named line: its points are drawn in the order given.</summary>
/// <param name="Name">Legend label.</param>
/// <param name="Points">The points; non-finite values are skipped.</param>
/// <param name="Connected">Whether a line joins the points (false: a scatter).</param>
/// <param name="Marked">Whether each point gets a dot (false: a plain curve).</param>
public sealed record LineSeries(string Name, IReadOnlyList<ChartPoint> Points, bool Connected = true, bool Marked = true);
