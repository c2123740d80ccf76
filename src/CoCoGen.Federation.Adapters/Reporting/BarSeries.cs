namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>A named group member of a grouped bar chart: one value per category.</summary>
/// <param name="Name">Legend label.</param>
/// <param name="Values">One value per category, in category order.</param>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values);
