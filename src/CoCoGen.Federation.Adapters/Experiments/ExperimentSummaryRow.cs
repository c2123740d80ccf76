using CoCoGen.Mechanism.Experiments;

namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>One grid point over its seeds: means and 95 % intervals (a row of summary.csv).</summary>
/// <param name="Point">α, ρ̄, γ share and rule.</param>
/// <param name="MeanDecided">Mean g_i decided.</param>
/// <param name="TestLoss">Measured test loss.</param>
/// <param name="TestAccuracy">Measured test accuracy.</param>
/// <param name="PredictedWelfare">Model-only SW.</param>
/// <param name="RealisedWelfare">Realised SW, scored as model.md §7 tables the rule.</param>
/// <param name="RealisedWelfareFull">Realised SW under the full utility.</param>
/// <param name="Cost">Σ realised cost.</param>
public sealed record ExperimentSummaryRow(
    ExperimentPoint Point,
    MeanInterval MeanDecided,
    MeanInterval TestLoss,
    MeanInterval TestAccuracy,
    MeanInterval PredictedWelfare,
    MeanInterval RealisedWelfare,
    MeanInterval RealisedWelfareFull,
    MeanInterval Cost)
{
    /// <summary>One row per grid point, in the order the points first occur in <paramref name="runs"/>.</summary>
    public static IReadOnlyList<ExperimentSummaryRow> Of(IReadOnlyList<ExperimentRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return
        [
            .. runs.GroupBy(r => r.Point).Select(g => new ExperimentSummaryRow(
                g.Key,
                Interval(g, r => r.MeanDecided),
                Interval(g, r => r.TestLoss),
                Interval(g, r => r.TestAccuracy),
                Interval(g, r => r.PredictedWelfare),
                Interval(g, r => r.RealisedWelfare),
                Interval(g, r => r.RealisedWelfareFull),
                Interval(g, r => r.Cost))),
        ];
    }

    private static MeanInterval Interval(IEnumerable<ExperimentRun> runs, Func<ExperimentRun, double> value) => MeanInterval.Of([.. runs.Select(value)]);
}
