using System.Globalization;
using CoCoGen.Federation.Adapters.Calibration;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Mechanism.Baselines;
using CoCoGen.Mechanism.Experiments;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>
/// Paper section V on real training. For every α and seed one federation is loaded and its generator pre-trained;
/// at every grid point of that α the rule decides g through <see cref="MechanismGuidancePolicy"/> (the scenario a run
/// would solve in its first round: roster, calibration, Table II economics drawn by the seed), the federation trains
/// with that g (a g vector already trained for this α and seed is reused, so ρ̄ and γ cost no training when they do
/// not change g), and <see cref="RealisedWelfare"/> scores what was measured.
/// </summary>
public sealed class ExperimentRunner(ExperimentSettings settings)
{
    /// <summary>Runs the grid; rows are ordered by α, seed, then grid order.</summary>
    public async Task<IReadOnlyList<ExperimentRun>> RunAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var grid = ExperimentPoint.Grid(settings);
        var runs = new List<ExperimentRun>();
        foreach (var alpha in grid.Select(p => p.Alpha).Distinct())
        {
            var calibration = ScalingCalibration.Find(settings.Calibration, settings.Dataset, alpha);
            for (var seed = settings.FirstSeed; seed < settings.FirstSeed + settings.Seeds; seed++)
            {
                var federation = new ExperimentFederation(Learning(alpha, seed), settings.Rounds, settings.GeneratorPasses);
                foreach (var point in grid.Where(p => p.Alpha == alpha))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var run = await RunPointAsync(federation, calibration, point, seed, cancellationToken).ConfigureAwait(false);
                    runs.Add(run);
                    progress?.Report(string.Create(CultureInfo.InvariantCulture,
                        $"α {alpha} ρ̄ {point.RhoBar} γ share {point.GammaShare} {point.Rule} seed {seed}: mean g {run.MeanDecided:F0}, test loss {run.TestLoss:F4}, realised SW {run.RealisedWelfare:F2}{(run.Reused ? " (training reused)" : "")}"));
                }
            }
        }

        return runs;
    }

    private async Task<ExperimentRun> RunPointAsync(ExperimentFederation federation, ScalingCalibration calibration, ExperimentPoint point, int seed, CancellationToken cancellationToken)
    {
        var options = new MechanismOptions { Rule = point.Rule, RhoBar = point.RhoBar, GammaShare = point.GammaShare, MaxSynthetic = settings.MaxSynthetic };
        var policy = new MechanismGuidancePolicy(options, calibration, seed);
        var scenario = policy.Scenario(federation.Profiles);
        var guidance = policy.Solve(federation.Profiles, []);
        var decided = guidance.Synthetic.ToArray();
        var kind = KindOf(point.Rule);
        var scored = BaselineScoring.ScenarioFor(kind, scenario);
        var (training, reused) = await federation.TrainAsync(decided, cancellationToken).ConfigureAwait(false);
        var round = new RealisedRound(
            training.TestLoss,
            [.. training.Trained.Select(t => (double)t)],
            [.. training.Generated.Select(g => (double)g)],
            training.Contributions);
        var realised = RealisedWelfare.Evaluate(scored, round);
        var full = RealisedWelfare.Evaluate(scenario, round);
        var n = scenario.Count;
        var organizations = Enumerable.Range(0, n).Select(i => new ExperimentOrganization(
            scenario.Ids[i],
            training.LocalSamples[i],
            decided[i],
            training.Generated[i],
            training.Trained[i],
            training.Contributions[i],
            scenario.Valuation[i],
            scenario.RivalRate[i],
            scenario.FrequencyHz[i],
            scenario.Capacitance[i],
            realised.Revenue[i],
            realised.Cost[i],
            realised.CompetitionLoss[i],
            realised.Transfer[i],
            realised.Utility[i])).ToArray();
        var parameters = scenario.Parameters;
        return new ExperimentRun(
            point,
            seed,
            training.Key,
            reused,
            parameters.Gamma,
            scored.Competition.Normalised(0, 1),
            scored.Parameters.Gamma,
            parameters.L0,
            parameters.Omega,
            parameters.CyclesTrainPerSample,
            parameters.CyclesGeneratePerSample,
            parameters.Fee,
            decided.Average(),
            training.TestLoss,
            training.TestAccuracy,
            guidance.PredictedGlobalLoss,
            new OutcomeEvaluator(scored).SocialWelfare(decided),
            realised.SocialWelfare,
            full.SocialWelfare,
            realised.Cost.Sum(),
            new OutcomeEvaluator(scored).Evaluate(decided).Cost.Sum(),
            realised.TransferSum,
            organizations);
    }

    private LearningOptions Learning(double alpha, int seed) => new()
    {
        Corpus = settings.Dataset,
        Dataset = settings.DataLocation,
        Alpha = alpha,
        Seed = seed,
        Organizations = settings.Organizations,
        TrainSamples = settings.TrainSamples,
        TestSamples = settings.TestSamples,
        ValidationPool = settings.ValidationPool,
        ValidationSubset = settings.ValidationSubset,
        GeneratorSamples = settings.GeneratorSamples,
        BatchSize = settings.BatchSize,
        LearningRate = settings.LearningRate,
        Threads = 1,
    };

    /// <summary>The Mechanism layer's name of a rule (the policy accepts the same names).</summary>
    public static BaselineKind KindOf(string rule) => rule switch
    {
        "cocogen+" => BaselineKind.CoCoGenPlus,
        "vcfl" => BaselineKind.Vcfl,
        "wco" => BaselineKind.Wco,
        "wdg" => BaselineKind.Wdg,
        "radg" => BaselineKind.Radg,
        "madg" => BaselineKind.Madg,
        _ => throw new ArgumentException($"--rules: unknown rule '{rule}'", nameof(rule)),
    };
}
