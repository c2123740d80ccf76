namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>One (x, y) point of a line series.</summary>
/// <param name="X">Horizontal value.</param>
/// <param name="Y">Vertical value.</param>
public readonly record struct ChartPoint(double X, double Y);
