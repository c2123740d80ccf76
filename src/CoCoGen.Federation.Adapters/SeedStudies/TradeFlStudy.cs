using System.Globalization;
using System.Text;
using CoCoGen.Federation.Adapters.SeedMechanisms;
using CoCoGen.Mechanism.TradeFl;

namespace CoCoGen.Federation.Adapters.SeedStudies;

/// <summary>
/// The study behind `cocogen mechanism tradefl`: reads either explicit organizations or a Table II simulation, runs the requested
/// schemes, and optionally sweeps γ (Figs 7–10). Input fields: <c>simulation</c> {seed, organizations,
/// competitionMean, competitionSpread, energyWeight} or <c>organizations</c>[] + <c>competition</c> + <c>parameters</c>
/// + <c>epochs</c>; <c>gamma</c>, <c>schemes</c>, <c>fipGridStep</c>, <c>sweep</c> {gammas, competitionMeans}. The sweep
/// goes to CSV with --csv and to SVG charts of welfare, damage and data contribution with --charts.
/// With `--train fashion-mnist` and a <c>training</c> section {imagesPerSample, homeFraction, rounds, localEpochs,
/// batchSize, learningRate, testImages} (no sweep), each scheme's contributions d_i train a global LeNet-5 by FedAvg
/// (Figs 13–15); --csv and --charts then write its test loss and accuracy per round.
/// </summary>
public sealed class TradeFlStudy : ISeedStudy
{
    /// <inheritdoc/>
    public string Name => "tradefl";

    /// <inheritdoc/>
    public string Description => "TradeFL: CGBD, DBR and baselines; optional γ sweep (--csv, --charts); trained global model per scheme (--train).";

    /// <inheritdoc/>
    public StudyOptionSet OptionSet => StudyOptionSet.Sweep | StudyOptionSet.Training;

    /// <inheritdoc/>
    public object Run(StudyInput root, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        string? csvPath = options.CsvPath;
        var (game, simulation) = ReadGame(root);
        var schemes = root.Has("schemes") ? root.Strings("schemes").Select((s, i) => ParseScheme(s, $"schemes[{i}]")).ToArray() : Enum.GetValues<TradeFlScheme>();
        double grid = root.Number("fipGridStep", 0.1);
        if (!(grid > 0 && grid <= 1))
        {
            throw new StudyInputException($"fipGridStep: must lie in (0, 1], got {grid}.");
        }

        StudyInput? sweep = root.Has("sweep") ? root.Section("sweep") : null;
        var training = ReadTraining(root, options, sweep is not null);
        root.RejectUnknownFields();
        var mechanism = new TradeFlMechanism(new BestResponseDynamics(gridStep: grid));
        var results = schemes.Select(s => mechanism.Run(game, s)).ToArray();
        var outcomes = results.Select(o => Describe(game, o)).ToArray();
        if (training is not null)
        {
            return new
            {
                Mechanism = "tradefl",
                Organizations = game.Organizations.Select(o => o.Id).ToArray(),
                game.Parameters.Gamma,
                Outcomes = outcomes,
                TrainedModels = Train(game, results, training, options),
            };
        }

        object? sweepRows = null;
        if (sweep is not null)
        {
            var gammas = sweep.Numbers("gammas");
            var means = sweep.OptionalNumbers("competitionMeans");
            sweep.RejectUnknownFields();
            if (means is not null && simulation is null)
            {
                throw new StudyInputException("sweep.competitionMeans: only a simulation input can redraw ρ; remove it or use \"simulation\".");
            }

            var rows = new List<(double Mean, TradeFlSweepRow Row)>();
            foreach (double mean in means ?? [double.NaN])
            {
                var g = double.IsNaN(mean) ? game : simulation!.Value.Create(mean);
                rows.AddRange(TradeFlSimulation.GammaSweep(g, gammas, schemes, mechanism).Select(r => (mean, r)));
            }

            sweepRows = rows.Select(r => new
            {
                r.Row.Gamma,
                CompetitionMean = double.IsNaN(r.Mean) ? (double?)null : r.Mean,
                Scheme = r.Row.Scheme.ToString().ToUpperInvariant(),
                r.Row.SocialWelfare,
                r.Row.TotalDamage,
                r.Row.TotalDataFraction,
                r.Row.Potential,
            }).ToArray();
            if (csvPath is not null)
            {
                File.WriteAllText(csvPath, Csv(rows));
            }

            if (options.ChartsDirectory is not null)
            {
                Directory.CreateDirectory(options.ChartsDirectory);
                foreach (var (fileName, svg) in TradeFlSweepCharts.Render(rows))
                {
                    File.WriteAllText(Path.Combine(options.ChartsDirectory, fileName), svg);
                }
            }
        }
        else if (csvPath is not null || options.ChartsDirectory is not null)
        {
            throw new StudyInputException($"{(csvPath is not null ? "--csv" : "--charts")}: the input has no \"sweep\" to write.");
        }

        return new
        {
            Mechanism = "tradefl",
            Organizations = game.Organizations.Select(o => o.Id).ToArray(),
            game.Parameters.Gamma,
            Outcomes = outcomes,
            Sweep = sweepRows,
        };
    }

    private static TradeFlTrainingSettings? ReadTraining(StudyInput root, StudyOptions options, bool sweeps)
    {
        if (!options.TrainsForReal)
        {
            return root.Has("training")
                ? throw new StudyInputException($"training: real training needs --train {StudyOptions.FashionMnistName}.")
                : null;
        }

        if (sweeps)
        {
            throw new StudyInputException("sweep: --train trains the global model at one γ; remove the sweep or --train.");
        }

        if (!root.Has("training"))
        {
            throw new StudyInputException("training: required with --train (imagesPerSample, rounds, ...).");
        }

        var t = root.Section("training");
        var defaults = new TradeFlTrainingSettings();
        var settings = new TradeFlTrainingSettings(
            t.Number("imagesPerSample", defaults.ImagesPerSample),
            t.Number("homeFraction", defaults.HomeFraction),
            t.WholeNumber("rounds", defaults.Rounds),
            t.WholeNumber("localEpochs", defaults.LocalEpochs),
            t.WholeNumber("batchSize", defaults.BatchSize),
            (float)t.Number("learningRate", defaults.LearningRate),
            t.WholeNumber("testImages", defaults.TestImages),
            options.Seed);
        t.RejectUnknownFields();
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new StudyInputException($"training.{e.Message}");
        }

        return settings;
    }

    private static object[] Train(TradeFlGame game, TradeFlOutcome[] outcomes, TradeFlTrainingSettings settings, StudyOptions options)
    {
        var (train, test) = options.LoadFashionMnist();
        var samples = game.Organizations.Select(o => o.Samples).ToArray();
        var curves = outcomes
            .Select(o => (Scheme: o.Scheme.ToString().ToUpperInvariant(), Outcome: o, Points: TradeFlTrainedModel.Run(train, test, samples, [.. o.Strategies.Select(s => s.DataFraction)], settings)))
            .ToArray();
        if (options.CsvPath is not null)
        {
            var text = new StringBuilder("scheme,totalDataFraction,contributedImages,round,testLoss,testAccuracy\n");
            foreach (var (scheme, outcome, points) in curves)
            {
                int images = Contributed(outcome, samples, settings);
                foreach (var p in points)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{scheme},{outcome.TotalDataFraction:R},{images},{p.Round},{p.Loss:R},{p.Accuracy:R}\n");
                }
            }

            File.WriteAllText(options.CsvPath, text.ToString());
        }

        if (options.ChartsDirectory is not null)
        {
            Directory.CreateDirectory(options.ChartsDirectory);
            foreach (var (fileName, svg) in TradeFlTrainingCharts.Render([.. curves.Select(c => (c.Scheme, c.Points))]))
            {
                File.WriteAllText(Path.Combine(options.ChartsDirectory, fileName), svg);
            }
        }

        return [.. curves.Select(c => (object)new
        {
            c.Scheme,
            Model = $"LeNet-5 on Fashion-MNIST, FedAvg weighted by contributed images; {settings.ImagesPerSample:G4} images per unit of |S_i|, {settings.HomeFraction:P0} from the organization's own classes, {settings.Rounds} rounds × {settings.LocalEpochs} local epoch(s), batch {settings.BatchSize}, SGD {settings.LearningRate:G4}, {settings.TestImages} test images, seed {settings.Seed}",
            c.Outcome.TotalDataFraction,
            ContributedImages = Contributed(c.Outcome, samples, settings),
            FinalLoss = c.Points[^1].Loss,
            FinalAccuracy = c.Points[^1].Accuracy,
            Rounds = c.Points,
        })];
    }

    private static int Contributed(TradeFlOutcome outcome, double[] samples, TradeFlTrainingSettings settings) =>
        outcome.Strategies.Select((s, i) => (int)Math.Round(s.DataFraction * (int)Math.Round(settings.ImagesPerSample * samples[i]))).Sum();

    private static string Csv(List<(double Mean, TradeFlSweepRow Row)> rows)
    {
        var text = new StringBuilder("gamma,competitionMean,scheme,socialWelfare,totalDamage,totalDataFraction,potential\n");
        foreach (var (mean, r) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Gamma:R},{(double.IsNaN(mean) ? string.Empty : mean.ToString("R", CultureInfo.InvariantCulture))},{r.Scheme.ToString().ToUpperInvariant()},{r.SocialWelfare:R},{r.TotalDamage:R},{r.TotalDataFraction:R},{r.Potential:R}\n");
        }

        return text.ToString();
    }

    private static object Describe(TradeFlGame game, TradeFlOutcome o)
    {
        int n = game.Count;
        return new
        {
            Scheme = o.Scheme.ToString().ToUpperInvariant(),
            Strategies = o.Strategies.Select((s, i) => new
            {
                game.Organizations[i].Id,
                s.DataFraction,
                FrequencyHz = game.Frequency(i, s),
                TrainingSeconds = game.TrainingSeconds(i, s.DataFraction, game.Frequency(i, s)),
                MeetsDeadline = game.IsFeasible(i, s),
            }).ToArray(),
            o.Payoffs,
            o.Redistributions,
            Transfers = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => o.Transfers[i, j]).ToArray()).ToArray(),
            BudgetResidual = o.Redistributions.Sum(),
            IndividuallyRational = o.Payoffs.All(c => c >= 0),
            o.SocialWelfare,
            o.Potential,
            o.TotalDamage,
            o.TotalDataFraction,
            o.Iterations,
            o.PotentialTrace,
        };
    }

    private static (TradeFlGame Game, SimulationRecipe? Simulation) ReadGame(StudyInput root)
    {
        bool explicitGame = root.Has("organizations");
        if (root.Has("simulation") == explicitGame)
        {
            throw new StudyInputException("input: give exactly one of \"simulation\" and \"organizations\".");
        }

        if (!explicitGame)
        {
            var sim = root.Section("simulation");
            var recipe = new SimulationRecipe(
                sim.WholeNumber("seed", 7),
                root.Number("gamma"),
                sim.WholeNumber("organizations", 10),
                sim.Number("competitionSpread", 0.0),
                sim.Number("energyWeight", 1e-3));
            double mean = sim.Number("competitionMean", 0.01);
            sim.RejectUnknownFields();
            if (recipe.Organizations < 2)
            {
                throw new StudyInputException($"simulation.organizations: need at least 2, got {recipe.Organizations}.");
            }

            return (recipe.Create(mean), recipe);
        }

        var orgs = root.Sections("organizations");
        var list = orgs.Select(o =>
        {
            var org = new TradeFlOrganization(
                o.Text("id"),
                o.Number("dataBits"),
                o.Number("samples"),
                o.Number("profitability"),
                o.Number("cyclesPerBit"),
                o.Numbers("frequenciesHz"),
                o.Number("downloadSeconds"),
                o.Number("uploadSeconds"),
                o.Number("communicationEnergy", 0));
            o.RejectUnknownFields();
            return org;
        }).ToArray();
        var rho = root.Matrix("competition", list.Length);
        var p = root.Section("parameters");
        var parameters = new TradeFlParameters(
            root.Number("gamma"),
            p.Number("lambda", 1.0),
            p.Number("kappa", 1e-27),
            p.Number("energyWeight"),
            p.Number("deadlineSeconds"),
            p.Number("minDataFraction"));
        p.RejectUnknownFields();
        double epochs = root.Number("epochs", 1.0);
        if (!(epochs > 0))
        {
            throw new StudyInputException($"epochs: must be positive, got {epochs}.");
        }

        return (new TradeFlGame(list, rho, new InverseSqrtAccuracyLoss(epochs), parameters), null);
    }

    private static TradeFlScheme ParseScheme(string text, string path) =>
        text.All(char.IsLetter) && Enum.TryParse<TradeFlScheme>(text, ignoreCase: true, out var scheme)
            ? scheme
            : throw new StudyInputException($"{path}: unknown scheme \"{text}\" (dbr, cgbd, wpr, gca, fip, tos).");

    private readonly record struct SimulationRecipe(int Seed, double Gamma, int Organizations, double Spread, double EnergyWeight)
    {
        public TradeFlGame Create(double mean) =>
            TradeFlSimulation.CreateGame(Seed, Gamma, Organizations, mean, Spread, EnergyWeight);
    }
}
