namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>A line chart: title, axis labels and one or more series.</summary>
/// <param name="Title">Chart title.</param>
/// <param name="XLabel">Horizontal axis label.</param>
/// <param name="YLabel">Vertical axis label.</param>
/// <param name="Series">The lines.</param>
/// <param name="WholeNumberX">Whether the horizontal axis counts something (rounds): its ticks are then integers only.</param>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<LineSeries> Series, bool WholeNumberX = false);
