using System.Globalization;
using System.Text;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Mechanism.Experiments;

namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>
/// Writes the experiment's folder: <c>runs.csv</c> (one row per point and seed), <c>organizations.csv</c> (every
/// organization's inputs and realised components, enough to recompute any run by hand), <c>summary.csv</c> (mean and
/// 95 % t-interval per point), SVG charts with 95 % bands, and <c>findings.md</c>. The CSV files depend only on the
/// command, so the same command writes the same bytes; timing goes to findings.md only.
/// </summary>
public static class ExperimentReportWriter
{
    /// <summary>Writes every file into <paramref name="directory"/>; returns their paths.</summary>
    /// <param name="runs">The experiment's runs.</param>
    /// <param name="settings">The settings they ran with.</param>
    /// <param name="directory">Output folder (must exist).</param>
    /// <param name="invocation">The exact command line, recorded in findings.md.</param>
    /// <param name="machine">CPU, ISA, load and wall time, recorded in findings.md.</param>
    public static IReadOnlyList<string> Write(IReadOnlyList<ExperimentRun> runs, ExperimentSettings settings, string directory, string invocation, string machine)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        var summary = ExperimentSummaryRow.Of(runs);
        var findings = ExperimentFindings.Evaluate(runs, settings);
        var files = new List<(string Name, string Text)>
        {
            ("runs.csv", RunsCsv(runs)),
            ("organizations.csv", OrganizationsCsv(runs)),
            ("summary.csv", SummaryCsv(summary)),
        };
        files.AddRange(ExperimentCharts.Render(summary, settings));
        files.Add(("findings.md", Findings(runs, findings, settings, invocation, machine)));
        var written = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            written.Add(path);
        }

        return written;
    }

    /// <summary>How the data was shrunk against the paper's setting, stated beside every verdict.</summary>
    public static string Shrink(ExperimentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Create(CultureInfo.InvariantCulture,
            $"{settings.TrainSamples:N0} training images over {settings.Organizations} organizations (≈ {settings.TrainSamples / settings.Organizations:N0} each; the paper: all 60,000, ≈ 6,000 each), G = {settings.MaxSynthetic:N0} (paper 6,000), {settings.Rounds} FedAvg round(s) of 1 local epoch (batch {settings.BatchSize}, learning rate {settings.LearningRate}), test loss on {settings.TestSamples:N0} test images, x on {settings.ValidationSubset:N0} pool images, generator {settings.GeneratorPasses} pass(es) × {settings.GeneratorSamples:N0} images per organization, {settings.Seeds} seed(s)");
    }

    private static string RunsCsv(IReadOnlyList<ExperimentRun> runs)
    {
        var csv = new StringBuilder("alpha,rhoBar,gammaShare,rule,seed,training,reused,gamma,scoredRhoHat,scoredGamma,L0,omega,cyclesTrain,cyclesGenerate,fee,meanDecided,testLoss,testAccuracy,predictedLoss,predictedWelfare,realisedWelfare,realisedWelfareFull,cost,predictedCost,transferSum\n");
        foreach (var r in runs)
        {
            Line(csv, r.Point.Alpha, r.Point.RhoBar, r.Point.GammaShare, r.Point.Rule, r.Seed, Quote(r.Training), r.Reused ? "true" : "false", r.Gamma, r.ScoredRhoHat, r.ScoredGamma,
                r.L0, r.Omega, r.CyclesTrain, r.CyclesGenerate, r.Fee, r.MeanDecided, r.TestLoss, r.TestAccuracy, r.PredictedLoss, r.PredictedWelfare,
                r.RealisedWelfare, r.RealisedWelfareFull, r.Cost, r.PredictedCost, r.TransferSum);
        }

        return csv.ToString();
    }

    private static string OrganizationsCsv(IReadOnlyList<ExperimentRun> runs)
    {
        var csv = new StringBuilder("alpha,rhoBar,gammaShare,rule,seed,organization,localSamples,decided,generated,trained,contribution,valuation,rivalRate,frequencyHz,capacitance,revenue,cost,competitionLoss,transfer,utility\n");
        foreach (var r in runs)
        {
            foreach (var o in r.Organizations)
            {
                Line(csv, r.Point.Alpha, r.Point.RhoBar, r.Point.GammaShare, r.Point.Rule, r.Seed, o.Id, o.LocalSamples, o.Decided, o.Generated, o.Trained,
                    o.Contribution, o.Valuation, o.RivalRate, o.FrequencyHz, o.Capacitance, o.Revenue, o.Cost, o.CompetitionLoss, o.Transfer, o.Utility);
            }
        }

        return csv.ToString();
    }

    private static string SummaryCsv(IReadOnlyList<ExperimentSummaryRow> rows)
    {
        string[] measures = ["meanDecided", "testLoss", "testAccuracy", "predictedWelfare", "realisedWelfare", "realisedWelfareFull", "cost"];
        var csv = new StringBuilder("alpha,rhoBar,gammaShare,rule,seeds");
        foreach (var m in measures)
        {
            csv.Append(CultureInfo.InvariantCulture, $",{m},{m}Lower,{m}Upper");
        }

        csv.Append('\n');
        foreach (var row in rows)
        {
            var values = new List<object> { row.Point.Alpha, row.Point.RhoBar, row.Point.GammaShare, row.Point.Rule, row.RealisedWelfare.Count };
            foreach (var i in new[] { row.MeanDecided, row.TestLoss, row.TestAccuracy, row.PredictedWelfare, row.RealisedWelfare, row.RealisedWelfareFull, row.Cost })
            {
                values.AddRange([i.Mean, i.Lower, i.Upper]);
            }

            Line(csv, [.. values]);
        }

        return csv.ToString();
    }

    private static string Findings(IReadOnlyList<ExperimentRun> runs, IReadOnlyList<ExperimentFinding> findings, ExperimentSettings settings, string invocation, string machine)
    {
        var md = new StringBuilder();
        md.Append("# The paper's comparisons on real training\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Command: `{invocation}`\n\n{machine}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Data shrunk to fit the time: {Shrink(settings)}.\n\n");
        var trainings = runs.Where(r => !r.Reused).Select(r => r.Training).Distinct().Count();
        md.Append(CultureInfo.InvariantCulture, $"{runs.Count} runs ({runs.Select(r => r.Point).Distinct().Count()} points × seeds) used {trainings} distinct trainings; the others reused a training with the same α, seed and realised g.\n\n");
        md.Append("A claim HOLDS only when the 95 % t-interval (paired by seed) of every comparison behind it excludes the opposite; ");
        md.Append("it is CONTRADICTED when one interval excludes the claim, INCONCLUSIVE otherwise. Realised: welfare from the measured test loss, ");
        md.Append("the cost of what was generated and trained, competition loss and transfers from measured x (L(−i) − L of the last round). ");
        md.Append("Model-only: the same decisions scored by the loss curves (what `cocogen sweep` computes), at the same points and seeds.\n\n");
        md.Append("| # | claim | real training | numbers (real) | model only | numbers (model) | agree | data shrink |\n|---|---|---|---|---|---|---|---|\n");
        var shrink = string.Create(CultureInfo.InvariantCulture, $"{settings.TrainSamples / settings.Organizations:N0} of ≈ 6,000 images per org, G {settings.MaxSynthetic:N0} of 6,000, {settings.Rounds} round(s), {settings.Seeds} seeds");
        for (var k = 0; k < findings.Count; k++)
        {
            var f = findings[k];
            md.Append(CultureInfo.InvariantCulture,
                $"| {k + 1} | {f.Claim} | {Word(f.Realised)} | {f.RealisedNumbers} | {Word(f.ModelOnly)} | {f.ModelOnlyNumbers} | {(f.Realised == f.ModelOnly ? "yes" : "**no**")} | {shrink} |\n");
        }

        var disagreements = findings.Where(f => f.Realised != f.ModelOnly).Select(f => $"{f.Claim} (real: {Word(f.Realised)}, model: {Word(f.ModelOnly)})").ToArray();
        md.Append(CultureInfo.InvariantCulture, $"\nWhere real training and the model-only sweep disagree: {(disagreements.Length == 0 ? "nowhere" : string.Join("; ", disagreements))}.\n");
        var residual = runs.Max(r => Math.Abs(r.TransferSum));
        md.Append(CultureInfo.InvariantCulture, $"\nBudget balance: the largest |Σ_i R_i| over all runs is {residual:G3} (transfers move utility between organizations; they leave the welfare unchanged).\n");
        return md.ToString();
    }

    private static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Holds => "HOLDS",
        Verdict.Contradicted => "CONTRADICTED",
        _ => "INCONCLUSIVE",
    };

    private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static void Line(StringBuilder csv, params object[] values)
    {
        csv.AppendJoin(',', values.Select(v => v switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));
        csv.Append('\n');
    }
}
