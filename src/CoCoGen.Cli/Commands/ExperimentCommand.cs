using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using CoCoGen.Cli.Hosting;
using CoCoGen.Cli.Invocation;
using CoCoGen.Cli.Presentation;
using CoCoGen.Federation.Adapters.Calibration;
using CoCoGen.Federation.Adapters.Experiments;
using CoCoGen.Learning.Data;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen experiment --out DIR [--quick]`: the paper's six rules compared on real training (paper section V): every
/// grid point, rule and seed decided by the guidance policy, trained with FedAvg, and scored by realised welfare;
/// writes CSV, a summary with 95 % intervals, charts with bands and findings.md. Exit 0 on success, 2 on bad input.
/// </summary>
public static class ExperimentCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Output folder (created if missing).", Required = true };
        var quick = new Option<bool>("--quick") { Description = "Tiny variant for tests: 2 seeds, α 0.1 and 0.5, ρ̄ 0.9, γ shares 0 and 1, 1 round, 50 images per organization. Explicit options override it." };
        var dataset = new Option<string>("--dataset") { Description = "fashion-mnist or cifar10.", DefaultValueFactory = _ => ImageCorpus.FashionMnist.Name };
        var dataDirectory = new Option<string>("--data-dir") { Description = "Dataset location (default: the dataset's default location).", DefaultValueFactory = _ => "" };
        var calibration = new Option<string>("--calibration") { Description = "Calibration file or folder of fit-scaling outputs (nearest α).", DefaultValueFactory = _ => "calibration" };
        var rules = new Option<string>("--rules") { Description = "Rules, comma separated.", DefaultValueFactory = _ => string.Join(',', ExperimentSettings.KnownRules) };
        var alphas = new Option<string>("--alphas") { Description = "Dirichlet α of the α axis." };
        var rhoBars = new Option<string>("--rho-bars") { Description = "ρ̄ of the ρ̄ axis (at α 0.5)." };
        var gammaShares = new Option<string>("--gamma-shares") { Description = "γ / min φ of CoCoGen+'s γ axis." };
        var seeds = new Option<int?>("--seeds") { Description = "Replicate seeds (default 3; --quick 2)." };
        var firstSeed = new Option<int>("--first-seed") { Description = "First replicate seed.", DefaultValueFactory = _ => 1 };
        var organizations = new Option<int>("--organizations") { Description = "Organizations.", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int?>("--rounds") { Description = "FedAvg rounds per training (default 2; --quick 1)." };
        var trainSamples = new Option<int?>("--train-samples") { Description = "Training images shared out (default 3,000; --quick 500)." };
        var testSamples = new Option<int?>("--test-samples") { Description = "Test images the revenue's loss is measured on (default 1,000; --quick 200)." };
        var validationPool = new Option<int?>("--validation-pool") { Description = "Images set aside for contribution measurement (default 2,000; --quick 300)." };
        var validationSubset = new Option<int?>("--validation-subset") { Description = "Pool images x is measured on per round (default 300; --quick 100)." };
        var maxSynthetic = new Option<int?>("--max-synthetic") { Description = "G_i (default 300; --quick 50)." };
        var generatorPasses = new Option<int?>("--generator-passes") { Description = "Generator pre-training passes (default 1)." };
        var generatorSamples = new Option<int?>("--generator-samples") { Description = "Images per organization and generator pass (default 200; --quick 50)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Mini-batch size of local training (the paper's 16).", DefaultValueFactory = _ => 16 };
        var learningRate = new Option<double>("--learning-rate") { Description = "SGD learning rate of local training (a run's default 0.02).", DefaultValueFactory = _ => 0.02 };
        var command = new Command("experiment", "Compare CoCoGen+ and the five baselines on real training: realised welfare with 95 % intervals (paper section V).")
        {
            output, quick, dataset, dataDirectory, calibration, rules, alphas, rhoBars, gammaShares, seeds, firstSeed, organizations, rounds,
            trainSamples, testSamples, validationPool, validationSubset, maxSynthetic, generatorPasses, generatorSamples, batchSize, learningRate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var writer = parse.InvocationConfiguration.Output;
            var small = parse.GetValue(quick);
            ExperimentSettings settings;
            string directory;
            try
            {
                if (!ImageCorpus.Names.Contains(parse.GetValue(dataset)))
                {
                    throw new ArgumentException($"--dataset: '{parse.GetValue(dataset)}' is not one of {string.Join(", ", ImageCorpus.Names)}");
                }

                settings = new ExperimentSettings(
                    parse.GetValue(dataset)!,
                    parse.GetValue(dataDirectory)!,
                    parse.GetValue(calibration)!,
                    [.. parse.GetValue(rules)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => r.ToLowerInvariant())],
                    Numbers("--alphas", parse.GetValue(alphas) ?? (small ? "0.1,0.5" : "0.1,0.5,0.9")),
                    Numbers("--rho-bars", parse.GetValue(rhoBars) ?? (small ? "0.9" : "0.1,0.9")),
                    Numbers("--gamma-shares", parse.GetValue(gammaShares) ?? (small ? "0,1" : "0,0.25,0.5,0.75,1")),
                    CentreAlpha: 0.5,
                    CentreRhoBar: 0.5,
                    CentreGammaShare: 0.5,
                    parse.GetValue(seeds) ?? (small ? 2 : 3),
                    parse.GetValue(firstSeed),
                    parse.GetValue(organizations),
                    parse.GetValue(rounds) ?? (small ? 1 : 2),
                    parse.GetValue(trainSamples) ?? (small ? 500 : 3_000),
                    parse.GetValue(testSamples) ?? (small ? 200 : 1_000),
                    parse.GetValue(validationPool) ?? (small ? 300 : 2_000),
                    parse.GetValue(validationSubset) ?? (small ? 100 : 300),
                    parse.GetValue(maxSynthetic) ?? (small ? 50 : 300),
                    parse.GetValue(generatorPasses) ?? 1,
                    parse.GetValue(generatorSamples) ?? (small ? 50 : 200),
                    parse.GetValue(batchSize),
                    parse.GetValue(learningRate));
                settings.Validate();
                if (!File.Exists(settings.Calibration) && !Directory.Exists(settings.Calibration))
                {
                    throw new ArgumentException($"--calibration: {settings.Calibration} is neither a file nor a folder");
                }

                CheckCalibrations(settings);

                directory = OutputFolder.Ensure("--out", parse.GetValue(output)!);
            }
            catch (Exception e) when (e is ArgumentException or CommandInputException)
            {
                error.WriteLine($"cocogen experiment: {e.Message}");
                return CocogenHost.BadConfiguration;
            }

            var load = LoadAverage();
            var clock = Stopwatch.StartNew();
            IReadOnlyList<ExperimentRun> runs;
            try
            {
                runs = await new ExperimentRunner(settings).RunAsync(new LineProgress(error), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
            {
                // Missing data or calibration surface here, after the options were accepted: still one line, exit 2.
                error.WriteLine($"cocogen experiment: {e.Message.Split('\n')[0]}");
                return CocogenHost.BadConfiguration;
            }

            var invocation = "cocogen " + string.Join(' ', parse.Tokens.Select(t => t.Value));
            var machine = string.Create(CultureInfo.InvariantCulture,
                $"Machine: {Cpu()}, {Environment.ProcessorCount} logical CPUs, {Isa()}, .NET {Environment.Version}; load average {load} at the start and {LoadAverage()} at the end; wall time {clock.Elapsed.TotalMinutes:F1} min.");
            foreach (var file in ExperimentReportWriter.Write(runs, settings, directory, invocation, machine))
            {
                writer.WriteLine($"wrote {file}");
            }

            return 0;
        });
        return command;
    }

    // Every α of the grid must find a readable calibration of the chosen dataset before anything trains.
    private static void CheckCalibrations(ExperimentSettings settings)
    {
        foreach (var alpha in settings.Alphas.Append(settings.CentreAlpha).Distinct())
        {
            ScalingCalibration calibration;
            try
            {
                calibration = ScalingCalibration.Find(settings.Calibration, settings.Dataset, alpha);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
            {
                throw new ArgumentException($"--calibration: {settings.Calibration}: {e.Message.Split('\n')[0]}", e);
            }

            if (calibration.Dataset != settings.Dataset)
            {
                throw new ArgumentException($"--calibration: {settings.Calibration} calibrates {calibration.Dataset}, not --dataset {settings.Dataset}");
            }
        }
    }

    private static double[] Numbers(string option, string text)
    {
        try
        {
            return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))];
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{option}: '{text}' is not a comma-separated list of numbers");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Cpu()
    {
        const string Key = "model name";
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal)) : null;
        return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string Isa() =>
        Vector512.IsHardwareAccelerated ? "AVX-512 in use" : Vector256.IsHardwareAccelerated ? "AVX2 in use (no AVX-512)" : "128-bit vectors only";
}
