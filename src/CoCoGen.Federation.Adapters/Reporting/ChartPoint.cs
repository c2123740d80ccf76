namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>One (x, y) point of a line series.</summary>
/// <param name="X">Horizontal value.</param>
/// <param name="Y">Vertical value.</param>
/// <param name="Lower">Lower edge of the point's confidence band (NaN: no band).</param>
/// <param name="Upper">Upper edge of the point's confidence band (NaN: no band).</param>
public readonly record struct ChartPoint(double X, double Y, double Lower = double.NaN, double Upper = double.NaN);
