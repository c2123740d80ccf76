using System.Globalization;
using System.Text;
using CoCoGen.Federation.Adapters.Reporting;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>The mechanisms' equilibria (Table 1 of the M^Shap paper) as CSV and as a bar chart.</summary>
public static class MechanismComparisonCharts
{
    /// <summary>One row per mechanism.</summary>
    public static string Csv(IReadOnlyList<MechanismComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder("mechanism,dataShare,averageAccuracy,trainedAccuracy,dataGain,accuracyGain,reciprocity,welfare\n");
        foreach (var r in rows)
        {
            string trained = r.TrainedAccuracy is double t ? t.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{r.Mechanism},{r.DataShare:R},{r.AverageAccuracy:R},{trained},{r.DataGain:R},{r.AccuracyGain:R},{r.Reciprocity:R},{r.Welfare:R}\n");
        }

        return text.ToString();
    }

    /// <summary>Data share, reciprocity and average accuracy per mechanism, as "mechanisms.svg".</summary>
    public static (string FileName, string Svg) Render(IReadOnlyList<MechanismComparisonRow> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("no mechanisms to chart.", nameof(rows));
        }

        BarSeries[] series =
        [
            new("data share", [.. rows.Select(r => r.DataShare)]),
            new("reciprocity", [.. rows.Select(r => r.Reciprocity)]),
            new("average accuracy (closed form)", [.. rows.Select(r => r.AverageAccuracy)]),
        ];
        return ("mechanisms.svg", SvgChartWriter.Render(new BarChart(title, "mechanism", "share / ratio", [.. rows.Select(r => r.Mechanism)], series)));
    }
}
