using System.CommandLine;
using System.Globalization;
using CoCoGen.Cli.Hosting;
using CoCoGen.Cli.Presentation;
using CoCoGen.Federation.Adapters.Calibration;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Learning.Data;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen fit-scaling --dataset D --alpha A --out F`: paper Fig. 3, the power-law calibration on real
/// data; writes JSON with a, b, c, their 95 % intervals, R² on raw points and on seed means (pooled and per
/// organization) and the measured points, and an SVG chart of points and fitted curve beside it.
/// Exit 0 on success, 2 on bad input.
/// </summary>
public static class FitScalingCommand
{
    // Keeps a point's step count (epochs × (D_i + g) / batch) far inside an int for any dataset served here.
    private const int MaxEpochs = 1000;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset: fashion-mnist or cifar10 (required unless --refit)." };
        var alpha = new Option<double>("--alpha") { Description = "Dirichlet α of the partition (required unless --refit)." };
        var refit = new Option<string>("--refit") { Description = "Refit a calibration file's recorded points with the current fitting code instead of measuring." };
        var output = new Option<string>("--out") { Description = "Calibration JSON to write.", Required = true };
        var dataDirectory = new Option<string>("--data-dir") { Description = "Dataset location: Fashion-MNIST IDX folder, CIFAR-10 binary folder or JPEG zip (default: the dataset's default location).", DefaultValueFactory = _ => "" };
        var decodeCache = new Option<string>("--decode-cache") { Description = "Folder a CIFAR-10 JPEG zip is decoded into once (default: local application data).", DefaultValueFactory = _ => "" };
        var organizations = new Option<int>("--organizations") { Description = "Organizations to split over.", DefaultValueFactory = _ => 10 };
        var grid = new Option<string>("--grid") { Description = "Synthetic samples per organization, comma separated.", DefaultValueFactory = _ => "0,1500,3000,6000" };
        var trainSamples = new Option<int>("--train-samples") { Description = "Training samples used, 0 = all.", DefaultValueFactory = _ => 0 };
        var testSamples = new Option<int>("--test-samples") { Description = "Test samples the losses are measured on, 0 = all.", DefaultValueFactory = _ => 2000 };
        var passes = new Option<int>("--generator-passes") { Description = "FedAvg passes of generator pre-training.", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "Seed of the partition and generator pre-training; replicate k uses seed + k.", DefaultValueFactory = _ => 1 };
        var steps = new Option<int>("--steps") { Description = "SGD steps of every local training (the same for every n).", DefaultValueFactory = _ => 200 };
        var seeds = new Option<int>("--seeds") { Description = "Replicate seeds per point.", DefaultValueFactory = _ => 3 };
        var epochs = new Option<int>("--epochs") { Description = "Train every point for this many passes over its D_i + g (steps grow with n, the paper's protocol) instead of --steps; 0 = fixed steps.", DefaultValueFactory = _ => 0 };
        var cosine = new Option<bool>("--cosine") { Description = "Decay each point's learning rate along a cosine to near zero, so the measured model is not a noisy last iterate." };
        var measure = new Option<ScalingMeasure>("--measure") { Description = "Loss recorded: training (on D_i + g, the paper's) or test.", DefaultValueFactory = _ => ScalingMeasure.Training };
        var command = new Command("fit-scaling", "Calibrate the loss power law a·n^(−b)+c on real data (paper Fig. 3).")
        {
            dataset, alpha, output, refit, dataDirectory, decodeCache, organizations, grid, trainSamples, testSamples, passes, seed, steps, epochs, cosine, seeds, measure,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(refit) is { Length: > 0 } recorded)
            {
                ScalingCalibration stored;
                try
                {
                    stored = ScalingCalibration.Load(recorded);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
                {
                    error.WriteLine($"--refit: {recorded}: {e.Message}");
                    return CocogenHost.BadConfiguration;
                }

                return await WriteAsync(stored.Refit(), parse.GetValue(output)!, writer, cancellationToken).ConfigureAwait(false);
            }

            if (parse.GetResult(dataset) is null || parse.GetResult(alpha) is null)
            {
                error.WriteLine("--dataset and --alpha are required to measure (or give --refit FILE)");
                return CocogenHost.BadConfiguration;
            }
            if (!ImageCorpus.Names.Contains(parse.GetValue(dataset)))
            {
                error.WriteLine($"--dataset: '{parse.GetValue(dataset)}' is not one of {string.Join(", ", ImageCorpus.Names)}");
                return CocogenHost.BadConfiguration;
            }

            int[] sizes;
            try
            {
                sizes = parse.GetValue(grid)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(g => int.Parse(g, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
            }
            catch (FormatException)
            {
                error.WriteLine($"--grid: '{parse.GetValue(grid)}' is not a comma-separated list of non-negative integers");
                return CocogenHost.BadConfiguration;
            }

            var learning = new LearningOptions
            {
                Corpus = parse.GetValue(dataset)!,
                Dataset = parse.GetValue(dataDirectory)!,
                DecodeCache = parse.GetValue(decodeCache)!,
                Alpha = parse.GetValue(alpha),
                Organizations = parse.GetValue(organizations),
                TrainSamples = parse.GetValue(trainSamples),
                TestSamples = parse.GetValue(testSamples),
                Seed = parse.GetValue(seed),
            };
            var failures = new LearningOptionsValidator().Validate(null, learning);
            if (failures.Failed || !(learning.Alpha > 0) || sizes.Length < 3)
            {
                error.WriteLine(failures.Failed ? failures.FailureMessage : "--alpha must be positive and --grid needs at least 3 values");
                return CocogenHost.BadConfiguration;
            }

            if (parse.GetValue(steps) < 1 || parse.GetValue(seeds) < 1)
            {
                error.WriteLine("--steps and --seeds must be at least 1");
                return CocogenHost.BadConfiguration;
            }

            if (parse.GetValue(epochs) is < 0 or > MaxEpochs || (parse.GetValue(epochs) > 0 && parse.GetResult(steps) is { Implicit: false }))
            {
                error.WriteLine($"--epochs must be 0 to {MaxEpochs} and cannot be combined with --steps");
                return CocogenHost.BadConfiguration;
            }

            var settings = new ScalingExperimentSettings(
                sizes, parse.GetValue(steps), parse.GetValue(seeds), parse.GetValue(passes), parse.GetValue(measure), parse.GetValue(epochs), parse.GetValue(cosine));
            var budget = settings.Epochs > 0
                ? string.Create(CultureInfo.InvariantCulture, $"--epochs {settings.Epochs}")
                : string.Create(CultureInfo.InvariantCulture, $"--steps {settings.Steps}");
            var calibration = await new ScalingExperiment(learning, settings)
                .RunAsync(new LineProgress(error), cancellationToken).ConfigureAwait(false);
            calibration = calibration with
            {
                Command = string.Create(CultureInfo.InvariantCulture,
                    $"cocogen fit-scaling --dataset {learning.Corpus}{(learning.Dataset.Length > 0 ? $" --data-dir {learning.Dataset}" : "")} --alpha {learning.Alpha} --organizations {learning.Organizations} --grid {string.Join(',', sizes)} --train-samples {learning.TrainSamples} --test-samples {learning.TestSamples} --generator-passes {settings.GeneratorPasses} --seed {learning.Seed} {budget}{(settings.CosineDecay ? " --cosine" : "")} --seeds {settings.Seeds} --measure {settings.Measure.ToString().ToLowerInvariant()}"),
            };
            return await WriteAsync(calibration, parse.GetValue(output)!, writer, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> WriteAsync(ScalingCalibration calibration, string path, TextWriter writer, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        calibration.Save(path);
        var chart = Path.ChangeExtension(path, ".svg");
        await File.WriteAllTextAsync(chart, SvgChartWriter.Render(ScalingChart.Of(calibration)), cancellationToken).ConfigureAwait(false);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"a\": {calibration.A:R}, \"b\": {calibration.B:R}, \"c\": {calibration.C:R}, \"rSquared\": {calibration.RSquared:R}, \"rSquaredSeedMeans\": {calibration.RSquaredSeedMeans:R}, \"out\": \"{path}\", \"chart\": \"{chart}\"}}"));
        return 0;
    }
}
