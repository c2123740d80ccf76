using System.Globalization;
using CoCoGen.Mechanism.Experiments;

namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>
/// The paper's claims judged on the experiment's runs. Every comparison is paired by seed (the same data split,
/// initial weights and economics draws on both sides) and judged by the 95 % t-interval of the differences; a claim
/// over several points holds when every comparison holds, is contradicted when one is, and is inconclusive otherwise.
/// Each claim is judged twice: on realised figures and on the model's predictions for the same decisions.
/// </summary>
public static class ExperimentFindings
{
    private const string Centre = "cocogen+";

    // Differences below this share of the values compared are rounding, not effects.
    private const double RelativeTie = 1e-9;

    /// <summary>Judges every claim the grid has the points for.</summary>
    public static IReadOnlyList<ExperimentFinding> Evaluate(IReadOnlyList<ExperimentRun> runs, ExperimentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        var findings = new List<ExperimentFinding>();
        var rules = settings.Rules;
        var rulePoints = AlphaAxis(settings).Concat(RhoAxis(settings)).Distinct().ToArray();

        if (rules.Contains(Centre) && rules.Count > 1)
        {
            findings.Add(Judge(
                "CoCoGen+ achieves the highest social welfare of the six rules (Fig. 7)",
                runs,
                r => r.RealisedWelfare,
                r => r.PredictedWelfare,
                [.. rulePoints.SelectMany(p => rules.Where(r => r != Centre).Select(r => (Point(p, Centre), Point(p, r), $"vs {r} at {Label(p)}")))]));
        }

        var rhos = RhoAxis(settings).Select(p => p.RhoBar).Distinct().Order().ToArray();
        if (rules.Contains(Centre) && rhos.Length >= 2)
        {
            var low = new ExperimentPoint(settings.CentreAlpha, rhos[0], settings.CentreGammaShare, Centre);
            var high = low with { RhoBar = rhos[^1] };
            findings.Add(Judge("Social welfare falls as ρ̄ rises (CoCoGen+, Fig. 7)", runs, r => r.RealisedWelfare, r => r.PredictedWelfare, [(low, high, $"ρ̄ {N(rhos[0])} − ρ̄ {N(rhos[^1])} at α {N(settings.CentreAlpha)}")]));
            findings.Add(Judge("Higher ρ̄ raises generation (CoCoGen+, Fig. 4)", runs, r => r.MeanDecided, r => r.MeanDecided, [(high, low, $"mean g at ρ̄ {N(rhos[^1])} − at ρ̄ {N(rhos[0])}")]));
        }

        var alphas = settings.Alphas.Distinct().Order().ToArray();
        if (rules.Contains(Centre) && alphas.Length >= 2)
        {
            var strong = new ExperimentPoint(alphas[0], settings.CentreRhoBar, settings.CentreGammaShare, Centre);
            var weak = strong with { Alpha = alphas[^1] };
            findings.Add(Judge("Stronger heterogeneity (smaller α) raises generation (CoCoGen+, Fig. 4)", runs, r => r.MeanDecided, r => r.MeanDecided, [(strong, weak, $"mean g at α {N(alphas[0])} − at α {N(alphas[^1])}")]));
        }

        if (rules.Contains("madg") && rules.Count > 1)
        {
            findings.Add(Judge(
                "MaDG costs the most (everyone generates G)",
                runs,
                r => r.Cost,
                r => r.PredictedCost,
                [.. rulePoints.SelectMany(p => rules.Where(r => r != "madg").Select(r => (Point(p, "madg"), Point(p, r), $"vs {r} at {Label(p)}")))]));
        }

        if (rules.Contains("madg") && rules.Contains("vcfl"))
        {
            findings.Add(Judge(
                "Synthetic samples lower the global model's loss (MaDG below VCFL)",
                runs,
                r => r.TestLoss,
                r => r.PredictedLoss,
                [.. AlphaAxis(settings).Select(p => (Point(p, "vcfl"), Point(p, "madg"), $"L(vcfl) − L(madg) at {Label(p)}"))]));
        }

        var shares = settings.GammaShares.Distinct().Order().ToArray();
        if (rules.Contains(Centre) && shares.Length >= 2)
        {
            var first = new ExperimentPoint(settings.CentreAlpha, settings.CentreRhoBar, shares[0], Centre);
            var last = first with { GammaShare = shares[^1] };
            findings.Add(Judge("A larger compensation rate γ lowers generation (CoCoGen+, Fig. 5)", runs, r => r.MeanDecided, r => r.MeanDecided, [(first, last, $"mean g at γ share {N(shares[0])} − at {N(shares[^1])}")]));
        }

        if (rules.Contains(Centre) && shares.Length >= 3)
        {
            var points = shares.Select(s => new ExperimentPoint(settings.CentreAlpha, settings.CentreRhoBar, s, Centre)).ToArray();
            var (realised, realisedText) = InteriorMaximum(runs, points, r => r.RealisedWelfare);
            var (model, modelText) = InteriorMaximum(runs, points, r => r.PredictedWelfare);
            findings.Add(new ExperimentFinding("Welfare is non-monotonic in γ: an interior maximum (CoCoGen+, Fig. 5)", realised, realisedText, model, modelText));
        }

        return findings;
    }

    /// <summary>The 95 % interval of value(a) − value(b) over the seeds both points ran with; null when they share none.</summary>
    public static MeanInterval? Paired(IReadOnlyList<ExperimentRun> runs, ExperimentPoint a, ExperimentPoint b, Func<ExperimentRun, double> value)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(value);
        var right = runs.Where(r => r.Point == b).ToDictionary(r => r.Seed);
        var pairs = runs.Where(r => r.Point == a && right.ContainsKey(r.Seed)).Select(r => (Left: value(r), Right: value(right[r.Seed]))).ToArray();
        if (pairs.Length == 0)
        {
            return null;
        }

        // A difference within rounding of the values compared is no difference: a verdict must not rest on it.
        var scale = pairs.Max(p => Math.Max(Math.Abs(p.Left), Math.Abs(p.Right)));
        return MeanInterval.Of([.. pairs.Select(p => Math.Abs(p.Left - p.Right) <= RelativeTie * scale ? 0 : p.Left - p.Right)]);
    }

    private static ExperimentFinding Judge(
        string claim,
        IReadOnlyList<ExperimentRun> runs,
        Func<ExperimentRun, double> realised,
        Func<ExperimentRun, double> model,
        IReadOnlyList<(ExperimentPoint Better, ExperimentPoint Worse, string Label)> comparisons)
    {
        var (realisedVerdict, realisedText) = Combine(runs, realised, comparisons);
        var (modelVerdict, modelText) = Combine(runs, model, comparisons);
        return new ExperimentFinding(claim, realisedVerdict, realisedText, modelVerdict, modelText);
    }

    // Every comparison must hold; the text lists the weakest ones (smallest lower bound) first, at most four.
    private static (Verdict, string) Combine(IReadOnlyList<ExperimentRun> runs, Func<ExperimentRun, double> value, IReadOnlyList<(ExperimentPoint Better, ExperimentPoint Worse, string Label)> comparisons)
    {
        var judged = comparisons
            .Select(c => (c.Label, Interval: Paired(runs, c.Better, c.Worse, value)))
            .Where(c => c.Interval is not null)
            .Select(c => (c.Label, Interval: c.Interval!))
            .ToArray();
        if (judged.Length == 0)
        {
            return (Verdict.Inconclusive, "no paired runs");
        }

        var verdicts = judged.Select(c => c.Interval.PositiveVerdict()).ToArray();
        var verdict = verdicts.All(v => v == Verdict.Holds) ? Verdict.Holds
            : verdicts.Any(v => v == Verdict.Contradicted) ? Verdict.Contradicted
            : Verdict.Inconclusive;
        var held = verdicts.Count(v => v == Verdict.Holds);
        var shown = judged.OrderBy(c => c.Interval.PositiveVerdict() == Verdict.Contradicted ? 0 : 1).ThenBy(c => c.Interval.Lower).Take(4).Select(c => $"{c.Label}: {Interval(c.Interval)}");
        var contradicted = verdicts.Count(v => v == Verdict.Contradicted);
        return (verdict, $"{held} of {judged.Length} comparisons hold, {contradicted} contradicted; weakest: {string.Join("; ", shown)}");
    }

    private static (Verdict, string) InteriorMaximum(IReadOnlyList<ExperimentRun> runs, ExperimentPoint[] points, Func<ExperimentRun, double> value)
    {
        var means = points.Select(p => runs.Where(r => r.Point == p).Select(value).DefaultIfEmpty(double.NaN).Average()).ToArray();
        if (means.Any(double.IsNaN))
        {
            return (Verdict.Inconclusive, "a γ point has no runs");
        }

        var best = Array.IndexOf(means, means.Max());
        var curve = string.Join(" / ", means.Select(m => m.ToString("G5", CultureInfo.InvariantCulture)));
        if (means.Max() - means.Min() <= RelativeTie * means.Max(Math.Abs))
        {
            // γ enters welfare only through transfers, which cancel, and through the decision: a flat curve has no maximum.
            return (Verdict.Contradicted, $"flat: mean SW {curve} at γ shares {string.Join(" / ", points.Select(p => N(p.GammaShare)))} (the decision does not change with γ)");
        }

        if (best > 0 && best < points.Length - 1)
        {
            var overFirst = Paired(runs, points[best], points[0], value)!;
            var overLast = Paired(runs, points[best], points[^1], value)!;
            var verdicts = new[] { overFirst.PositiveVerdict(), overLast.PositiveVerdict() };
            var verdict = verdicts.All(v => v == Verdict.Holds) ? Verdict.Holds : Verdict.Inconclusive;
            return (verdict, $"mean SW {curve} at γ shares {string.Join(" / ", points.Select(p => N(p.GammaShare)))}; peak at {N(points[best].GammaShare)} over the first {Interval(overFirst)}, over the last {Interval(overLast)}");
        }

        // The maximum sits at an end: the claim is contradicted if that end beats every interior point.
        var interior = points[1..^1];
        var margins = interior.Select(p => Paired(runs, points[best], p, value)!).ToArray();
        var endVerdict = margins.All(m => m.PositiveVerdict() == Verdict.Holds) ? Verdict.Contradicted : Verdict.Inconclusive;
        return (endVerdict, $"mean SW {curve} at γ shares {string.Join(" / ", points.Select(p => N(p.GammaShare)))}; peak at the end {N(points[best].GammaShare)}, over the interior points {string.Join(", ", margins.Select(Interval))}");
    }

    private static IEnumerable<ExperimentPoint> AlphaAxis(ExperimentSettings settings) =>
        settings.Alphas.Select(a => new ExperimentPoint(a, settings.CentreRhoBar, settings.CentreGammaShare, Centre));

    private static IEnumerable<ExperimentPoint> RhoAxis(ExperimentSettings settings) =>
        settings.RhoBars.Concat(settings.Alphas.Contains(settings.CentreAlpha) ? [settings.CentreRhoBar] : [])
            .Select(r => new ExperimentPoint(settings.CentreAlpha, r, settings.CentreGammaShare, Centre));

    private static ExperimentPoint Point(ExperimentPoint at, string rule) => at with { Rule = rule };

    private static string Label(ExperimentPoint p) => $"α {N(p.Alpha)}, ρ̄ {N(p.RhoBar)}";

    private static string Interval(MeanInterval i) =>
        string.Create(CultureInfo.InvariantCulture, $"{i.Mean:G4} [{i.Lower:G4}, {i.Upper:G4}] (n = {i.Count})");

    private static string N(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
