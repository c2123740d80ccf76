using System.Globalization;
using System.Text;
using CoCoGen.Mechanism.Baselines;

namespace CoCoGen.Mechanism.Sweeps;

/// <summary>
/// Judges the paper's five findings (model.md §9) on a ρ̄ × α sweep and a γ sweep of the same
/// scenario, with the numbers, instead of tuning the model to match the prose.
/// </summary>
public static class FindingsEvaluator
{
    /// <summary>Evaluates the findings from the two sweeps.</summary>
    public static IReadOnlyList<Finding> Evaluate(SweepResult rhoSweep, SweepResult gammaSweep)
    {
        ArgumentNullException.ThrowIfNull(rhoSweep);
        ArgumentNullException.ThrowIfNull(gammaSweep);
        return
        [
            RhoRaisesGeneration(rhoSweep),
            HeterogeneityRaisesGeneration(rhoSweep),
            BeatsEveryBaseline(rhoSweep),
            GammaLowersGeneration(gammaSweep),
            WelfareNonMonotonicInGamma(gammaSweep),
        ];
    }

    /// <summary>Renders the findings as a Markdown table.</summary>
    public static string ToMarkdown(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var text = new StringBuilder();
        text.AppendLine("| # | paper's finding | holds here | numbers |");
        text.AppendLine("|---|---|---|---|");
        foreach (Finding f in findings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Number} | {f.Claim} | {(f.Holds ? "yes" : "no")} | {f.Evidence} |");
        }

        return text.ToString();
    }

    private static Finding RhoRaisesGeneration(SweepResult sweep)
    {
        var parts = new List<string>();
        bool holds = true;
        foreach (IGrouping<string, SweepPoint> series in sweep.Points.GroupBy(p => p.Series))
        {
            double[] g = series.OrderBy(p => p.X).Select(p => p.AverageGeneration).ToArray();
            holds &= NonDecreasing(g) && g[^1] > g[0];
            parts.Add($"{series.Key}: avg g {Join(g)} at ρ̄ {Join(series.OrderBy(p => p.X).Select(p => p.X))}");
        }

        return new Finding(1, "Higher mean competitive intensity ρ̄ raises generation (Fig. 4)", holds, string.Join("; ", parts));
    }

    private static Finding HeterogeneityRaisesGeneration(SweepResult sweep)
    {
        var parts = new List<string>();
        bool holds = true;
        bool any = false;
        foreach (IGrouping<double, SweepPoint> atRho in sweep.Points.GroupBy(p => p.X))
        {
            SweepPoint[] byAlpha = atRho.Where(p => !double.IsNaN(p.Alpha)).OrderBy(p => p.Alpha).ToArray();
            if (byAlpha.Length < 2)
            {
                continue;
            }

            any = true;
            double[] g = byAlpha.Select(p => p.AverageGeneration).ToArray();
            holds &= NonDecreasing(g.Reverse().ToArray()) && g[0] > g[^1];
            parts.Add($"ρ̄={Format(atRho.Key)}: avg g {Join(g)} at α {Join(byAlpha.Select(p => p.Alpha))}");
        }

        return any
            ? new Finding(2, "Stronger heterogeneity (smaller α) raises generation (Fig. 4)", holds, string.Join("; ", parts))
            : new Finding(2, "Stronger heterogeneity (smaller α) raises generation (Fig. 4)", false, "not measurable: the scenario has no loss-curve table");
    }

    private static Finding BeatsEveryBaseline(SweepResult sweep)
    {
        int points = sweep.Points.Count;
        int everywhere = sweep.Points.Count(p => p.Baselines.All(b => b.Kind == BaselineKind.CoCoGenPlus || p.SocialWelfare >= b.SocialWelfare));
        IEnumerable<string> perRule = Enum.GetValues<BaselineKind>()
            .Where(k => k != BaselineKind.CoCoGenPlus)
            .Select(k =>
            {
                int wins = sweep.Points.Count(p => p.SocialWelfare >= p.Baselines.Single(b => b.Kind == k).SocialWelfare);
                double gap = sweep.Points.Min(p => p.SocialWelfare - p.Baselines.Single(b => b.Kind == k).SocialWelfare);
                return $"{BaselineLabels.Of(k)} {wins}/{points} (worst margin {Format(gap)})";
            });
        string evidence = $"highest welfare at {everywhere} of {points} points; beats " + string.Join(", ", perRule);
        return new Finding(3, "CoCoGen+ achieves higher social welfare than every baseline (Fig. 7)", everywhere == points, evidence);
    }

    private static Finding GammaLowersGeneration(SweepResult sweep)
    {
        var parts = new List<string>();
        bool holds = true;
        foreach (IGrouping<string, SweepPoint> series in sweep.Points.GroupBy(p => p.Series))
        {
            SweepPoint[] ordered = series.OrderBy(p => p.X).ToArray();
            double[] g = ordered.Select(p => p.AverageGeneration).ToArray();
            holds &= NonDecreasing(g.Reverse().ToArray()) && g[0] > g[^1];
            parts.Add($"{series.Key}: avg g {Format(g[0])} at γ=0 → {Format(g[^1])} at γ={Format(ordered[^1].X)}");
        }

        return new Finding(4, "A larger compensation rate γ lowers generation (Fig. 5)", holds, string.Join("; ", parts));
    }

    private static Finding WelfareNonMonotonicInGamma(SweepResult sweep)
    {
        IGrouping<string, SweepPoint> hardest = sweep.Points
            .GroupBy(p => p.Series)
            .OrderBy(g => double.IsNaN(g.First().Alpha) ? 0 : g.First().Alpha)
            .First();
        SweepPoint[] ordered = hardest.OrderBy(p => p.X).ToArray();
        int argmax = Array.IndexOf(ordered, ordered.MaxBy(p => p.SocialWelfare));
        bool interior = argmax > 0 && argmax < ordered.Length - 1;
        string evidence = $"{hardest.Key} (hardest): SW {Format(ordered[0].SocialWelfare)} at γ=0, max {Format(ordered[argmax].SocialWelfare)} "
            + $"at γ={Format(ordered[argmax].X)}, {Format(ordered[^1].SocialWelfare)} at γ={Format(ordered[^1].X)}";
        return new Finding(5, "Welfare is non-monotonic in γ on the hardest task (interior maximum, Fig. 5)", interior, evidence);
    }

    private static bool NonDecreasing(double[] values)
    {
        for (int k = 1; k < values.Length; k++)
        {
            if (values[k] < values[k - 1] - (1e-9 * Math.Max(1, Math.Abs(values[k - 1]))))
            {
                return false;
            }
        }

        return true;
    }

    private static string Join(IEnumerable<double> values) => string.Join(" / ", values.Select(Format));

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
