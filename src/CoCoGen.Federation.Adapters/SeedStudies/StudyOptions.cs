using CoCoGen.Learning.Data;

namespace CoCoGen.Federation.Adapters.SeedStudies;

/// <summary>The command-line options of `cocogen mechanism` beyond the JSON input.</summary>
/// <param name="CsvPath">--csv: where a study writes its table (tradefl's γ sweep or training curves, mshap's FedBR-Shap stages).</param>
/// <param name="ChartsDirectory">--charts: where a study writes its SVG charts.</param>
/// <param name="Train">--train: the dataset for real training ("fashion-mnist"), or null for the closed-form models.</param>
/// <param name="DataDirectory">--data-dir: the folder holding the dataset's IDX files.</param>
/// <param name="Seed">--seed: seed of the data draw, the initial weights and the sample orders.</param>
public sealed record StudyOptions(
    string? CsvPath = null,
    string? ChartsDirectory = null,
    string? Train = null,
    string? DataDirectory = null,
    ulong Seed = 1)
{
    /// <summary>The only dataset `--train` accepts.</summary>
    public const string FashionMnistName = "fashion-mnist";

    /// <summary>Whether real training was asked for.</summary>
    public bool TrainsForReal => Train is not null;

    /// <summary>Loads the Fashion-MNIST training and test splits, naming --data-dir when they cannot be read.</summary>
    public (ImageDataset Train, ImageDataset Test) LoadFashionMnist()
    {
        if (Train != FashionMnistName)
        {
            throw new StudyInputException($"--train: unknown dataset \"{Train}\" ({FashionMnistName}).");
        }

        try
        {
            return (FashionMnist.LoadTrain(DataDirectory), FashionMnist.LoadTest(DataDirectory));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new StudyInputException($"--data-dir: {e.Message}");
        }
    }
}
