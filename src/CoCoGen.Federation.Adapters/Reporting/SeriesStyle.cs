namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>
/// How one series is drawn. Colour alone does not tell overlapping lines apart (nor in grey print, nor for a
/// colour-blind reader), so each series also gets its own dash pattern and marker shape.
/// </summary>
/// <param name="Color">Stroke and fill colour.</param>
/// <param name="DashArray">SVG stroke-dasharray (<c>none</c> for a solid line).</param>
/// <param name="Marker">Marker shape drawn at each point.</param>
public sealed record SeriesStyle(string Color, string DashArray, MarkerShape Marker)
{
    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    private static readonly MarkerShape[] Markers = Enum.GetValues<MarkerShape>();

    private static readonly string[] Dashes =
    [
        "none", "10 4", "2 3", "10 3 2 3", "16 4", "5 3", "1 6", "10 3 2 3 2 3", "16 3 6 3", "3 6",
    ];

    /// <summary>
    /// The style of the series at <paramref name="index"/>: ten colours and ten dash patterns, and seven marker shapes,
    /// so no two of the first 70 series look alike (7 and 10 are coprime) and the first ten differ in every respect.
    /// </summary>
    public static SeriesStyle Of(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new SeriesStyle(Palette[index % Palette.Length], Dashes[index % Dashes.Length], Markers[index % Markers.Length]);
    }
}
