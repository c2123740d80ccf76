namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>
/// What <c>cocogen experiment</c> trains: the grid (paper section V's comparisons) and how much each federation is
/// shrunk to fit the machine. Every organization count, α, ρ̄ and γ share is checked by <see cref="Validate"/>.
/// </summary>
/// <param name="Dataset">Image corpus: <c>fashion-mnist</c> or <c>cifar10</c>.</param>
/// <param name="DataLocation">Dataset location (empty: the corpus's default).</param>
/// <param name="Calibration">Calibration file or directory of fit-scaling outputs (the nearest α is used).</param>
/// <param name="Rules">Decision rules compared on the α and ρ̄ axes.</param>
/// <param name="Alphas">Dirichlet α of the α axis (at ρ̄ = <paramref name="CentreRhoBar"/>).</param>
/// <param name="RhoBars">Mean competitive intensities of the ρ̄ axis (at α = <paramref name="CentreAlpha"/>).</param>
/// <param name="GammaShares">γ as a share of min φ of the γ axis (CoCoGen+ only, at the centre α and ρ̄).</param>
/// <param name="CentreAlpha">α of the ρ̄ and γ axes.</param>
/// <param name="CentreRhoBar">ρ̄ of the α and γ axes.</param>
/// <param name="CentreGammaShare">γ share of the α and ρ̄ axes.</param>
/// <param name="Seeds">Replicates: seeds FirstSeed .. FirstSeed + Seeds − 1 (data split, weights, economics draws, RaDG).</param>
/// <param name="FirstSeed">First replicate seed.</param>
/// <param name="Organizations">n.</param>
/// <param name="Rounds">FedAvg rounds of every training.</param>
/// <param name="TrainSamples">Training samples shared out over the organizations (the shrink).</param>
/// <param name="TestSamples">Test samples the revenue's loss is measured on.</param>
/// <param name="ValidationPool">Samples set aside for contribution measurement.</param>
/// <param name="ValidationSubset">Pool samples each round's contributions are measured on.</param>
/// <param name="MaxSynthetic">G_i, the cap on synthetic samples per organization and round.</param>
/// <param name="GeneratorPasses">FedAvg passes of conditional-generator pre-training per (α, seed).</param>
/// <param name="GeneratorSamples">Real samples per organization and generator pass.</param>
/// <param name="BatchSize">Mini-batch size of local training.</param>
/// <param name="LearningRate">SGD learning rate of local training (momentum 0.9, as a run).</param>
public sealed record ExperimentSettings(
    string Dataset,
    string DataLocation,
    string Calibration,
    IReadOnlyList<string> Rules,
    IReadOnlyList<double> Alphas,
    IReadOnlyList<double> RhoBars,
    IReadOnlyList<double> GammaShares,
    double CentreAlpha,
    double CentreRhoBar,
    double CentreGammaShare,
    int Seeds,
    int FirstSeed,
    int Organizations,
    int Rounds,
    int TrainSamples,
    int TestSamples,
    int ValidationPool,
    int ValidationSubset,
    int MaxSynthetic,
    int GeneratorPasses,
    int GeneratorSamples,
    int BatchSize,
    double LearningRate)
{
    /// <summary>The rules the experiment knows, in the paper's order.</summary>
    public static IReadOnlyList<string> KnownRules { get; } = ["cocogen+", "vcfl", "wco", "wdg", "radg", "madg"];

    /// <summary>Throws an <see cref="ArgumentException"/> whose message names the first bad option.</summary>
    public void Validate()
    {
        if (Rules.Count == 0 || Alphas.Count == 0)
        {
            throw new ArgumentException("--rules and --alphas: the grid is empty (give at least one rule and one α)");
        }

        var unknown = Rules.FirstOrDefault(r => !KnownRules.Contains(r));
        if (unknown is not null)
        {
            throw new ArgumentException($"--rules: unknown rule '{unknown}' (known: {string.Join(", ", KnownRules)})");
        }

        if (Rules.Distinct().Count() != Rules.Count)
        {
            throw new ArgumentException("--rules: a rule is listed twice");
        }

        foreach (var alpha in Alphas.Append(CentreAlpha))
        {
            if (!(alpha is > 0 and <= 1000))
            {
                throw new ArgumentException($"--alphas: α must lie in (0, 1000], got {alpha}");
            }
        }

        foreach (var rho in RhoBars.Append(CentreRhoBar))
        {
            if (!(rho is >= 0 and <= 1))
            {
                throw new ArgumentException($"--rho-bars: ρ̄ must lie in [0, 1], got {rho}");
            }
        }

        foreach (var share in GammaShares.Append(CentreGammaShare))
        {
            if (!(share is >= 0 and <= 1))
            {
                throw new ArgumentException($"--gamma-shares: the γ share must lie in [0, 1] (Remark 1: γ ≤ min φ), got {share}");
            }
        }

        Require(Seeds >= 1 && Seeds <= 1000, $"--seeds: must be 1 to 1000, got {Seeds}");
        Require(FirstSeed >= 0 && FirstSeed <= int.MaxValue - Seeds, $"--first-seed: must be 0 to {int.MaxValue - Seeds} (the last seed is --first-seed + --seeds − 1), got {FirstSeed}");
        Require(Organizations is >= 2 and <= 64, $"--organizations: must be 2 to 64, got {Organizations}");
        Require(Rounds is >= 1 and <= 1000, $"--rounds: must be 1 to 1000, got {Rounds}");
        Require(TrainSamples >= 10 * Organizations, $"--train-samples: need at least 10 per organization ({10 * Organizations}), got {TrainSamples}");
        Require(TestSamples >= 1, $"--test-samples: must be positive, got {TestSamples}");
        Require(ValidationSubset >= 1 && ValidationSubset <= ValidationPool, $"--validation-subset: must be 1 to --validation-pool ({ValidationPool}), got {ValidationSubset}");
        Require(MaxSynthetic is >= 0 and <= 1_000_000, $"--max-synthetic: must be 0 to 1,000,000, got {MaxSynthetic}");
        Require(GeneratorPasses >= 0, $"--generator-passes: must be non-negative, got {GeneratorPasses}");
        Require(BatchSize is >= 1 and <= 4096, $"--batch-size: must be 1 to 4096, got {BatchSize}");
        Require(LearningRate is > 0 and <= 10, $"--learning-rate: must lie in (0, 10], got {LearningRate}");
        Require(GeneratorSamples >= 0, $"--generator-samples: must be non-negative, got {GeneratorSamples}");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
