using CoCoGen.Federation.Adapters.SeedMechanisms;
using CoCoGen.Mechanism.DefectionFree;

namespace CoCoGen.Federation.Adapters.SeedStudies;

/// <summary>
/// The study behind `cocogen mechanism dfcl`: runs Algorithm 1 and the comparison schemes, on the synthetic quadratic duopoly or, with
/// `--train fashion-mnist`, on two LeNet-5 firms trained on Fashion-MNIST with complementary label skews. Input
/// fields: <c>training</c> {kind: quadratic, optimumLow, optimumHigh, curvature, initialLow, initialHigh} or
/// {kind: fashionMnist, samplesPerFirm, homeFraction, targetSamples, batchSize, learningRate, initialEpochsLow,
/// initialEpochsHigh, stepBatches, referenceEpochs, maxInnerSteps, bisectionSteps} (optional with --train),
/// <c>rounds</c>, <c>growthCap</c>, <c>schemes</c>. Every scheme's result lists the rounds in which a firm's revenue
/// fell (<c>revenueDecreases</c>); for the defection-free scheme that list must be empty (Proposition 3).
/// </summary>
public sealed class DefectionFreeStudy : ISeedStudy
{
    /// <inheritdoc/>
    public string Name => "dfcl";

    /// <inheritdoc/>
    public string Description => "Defection-free collaboration (Algorithm 1) and the one-sided/complete schemes; real training with --train.";

    /// <inheritdoc/>
    public StudyOptionSet OptionSet => StudyOptionSet.Training;

    /// <inheritdoc/>
    public object Run(StudyInput root, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        var training = root.Has("training") || !options.TrainsForReal ? root.Section("training") : null;
        string kind = training?.Text("kind") ?? "fashionMnist";
        Func<IDuopolyTraining>? quadratic = null;
        DuopolyTrainingSettings? settings = null;
        if (kind == "quadratic" && !options.TrainsForReal)
        {
            quadratic = Quadratic(training!);
        }
        else if (kind == "fashionMnist" && options.TrainsForReal)
        {
            settings = Settings(training, options.Seed);
        }
        else
        {
            throw new StudyInputException(options.TrainsForReal
                ? $"training.kind: \"{kind}\" is not real training; with --train use kind \"fashionMnist\" or leave \"training\" out."
                : $"training.kind: unknown kind \"{kind}\" (quadratic; fashionMnist needs --train {StudyOptions.FashionMnistName}).");
        }

        int rounds = root.WholeNumber("rounds", 200);
        double growthCap = root.Number("growthCap", 1.03);
        var schemes = root.Has("schemes") ? root.Strings("schemes") : ["defectionFree", "onlyLowShares", "complete"];
        root.RejectUnknownFields();
        var parsed = new CollaborationScheme[schemes.Length];
        for (int k = 0; k < schemes.Length; k++)
        {
            if (!schemes[k].All(char.IsLetter) || !Enum.TryParse(schemes[k], ignoreCase: true, out parsed[k]))
            {
                throw new StudyInputException($"schemes[{k}]: unknown scheme \"{schemes[k]}\" (defectionFree, onlyLowShares, complete).");
            }
        }

        (Func<IDuopolyTraining> process, object? setup) = quadratic is not null ? (quadratic, null) : FashionMnist(settings!, options);
        var results = new List<object>();
        foreach (var scheme in parsed)
        {
            var result = new DefectionFreeCollaboration(rounds, growthCap, scheme).Run(process());
            var decreases = RevenueMonotonicity.Decreases(result);
            results.Add(new
            {
                Scheme = scheme.ToString(),
                result.NashLowQuality,
                result.NashHighQuality,
                NashRatio = result.NashLowQuality / result.NashHighQuality,
                result.NashProduct,
                result.RevenuesNeverDecreased,
                RevenueDecreases = decreases,
                Final = result.Rounds[^1],
                Rounds = result.Rounds,
            });
        }

        return new { Mechanism = "dfcl", Training = setup, Results = results };
    }

    private static (Func<IDuopolyTraining> Process, object Setup) FashionMnist(DuopolyTrainingSettings settings, StudyOptions options)
    {
        var (train, test) = options.LoadFashionMnist();
        var start = DuopolyStart.Create(train, test, settings);
        double maximal = FederatedDuopolyTraining.EstimateMaximalQuality(start);

        var setup = new
        {
            Dataset = "Fashion-MNIST",
            Model = "LeNet-5",
            settings.SamplesPerFirm,
            settings.HomeFraction,
            settings.TargetSamples,
            settings.Seed,
            LowClassHistogram = start.LowData.ClassHistogram(),
            HighClassHistogram = start.HighData.ClassHistogram(),
            InitialLowQuality = start.LowQuality,
            InitialHighQuality = start.HighQuality,
            EstimatedMaximalQuality = maximal,
        };
        return (() => new FederatedDuopolyTraining(start, maximal), setup);
    }

    private static Func<IDuopolyTraining> Quadratic(StudyInput training)
    {
        var optimumLow = training.Numbers("optimumLow");
        var optimumHigh = training.Numbers("optimumHigh");
        double curvature = training.Number("curvature");
        var initialLow = training.Numbers("initialLow");
        var initialHigh = training.Numbers("initialHigh");
        training.RejectUnknownFields();
        return () => new QuadraticDuopolyTraining(optimumLow, optimumHigh, curvature, initialLow, initialHigh);
    }

    private static DuopolyTrainingSettings Settings(StudyInput? training, ulong seed)
    {
        var defaults = new DuopolyTrainingSettings(Seed: seed);
        if (training is null)
        {
            return defaults;
        }

        var settings = new DuopolyTrainingSettings(
            training.WholeNumber("samplesPerFirm", defaults.SamplesPerFirm),
            training.Number("homeFraction", defaults.HomeFraction),
            training.WholeNumber("targetSamples", defaults.TargetSamples),
            training.WholeNumber("batchSize", defaults.BatchSize),
            (float)training.Number("learningRate", defaults.LearningRate),
            training.WholeNumber("initialEpochsLow", defaults.InitialEpochsLow),
            training.WholeNumber("initialEpochsHigh", defaults.InitialEpochsHigh),
            training.WholeNumber("stepBatches", defaults.StepBatches),
            training.WholeNumber("referenceEpochs", defaults.ReferenceEpochs),
            training.WholeNumber("maxInnerSteps", defaults.MaxInnerSteps),
            training.WholeNumber("bisectionSteps", defaults.BisectionSteps),
            seed);
        training.RejectUnknownFields();
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
}
