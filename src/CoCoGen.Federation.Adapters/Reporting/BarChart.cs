namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>A grouped bar chart: one group per category, one bar per series in each group.</summary>
/// <param name="Title">Chart title.</param>
/// <param name="XLabel">Horizontal axis label (what the categories are).</param>
/// <param name="YLabel">Vertical axis label.</param>
/// <param name="Categories">Category labels along the horizontal axis.</param>
/// <param name="Series">The bar series.</param>
public sealed record BarChart(string Title, string XLabel, string YLabel, IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series);
