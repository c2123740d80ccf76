using CoCoGen.Federation.Training;
using CoCoGen.Learning.Backends;
using Microsoft.Extensions.Options;

namespace CoCoGen.Federation.Hosting;

/// <summary>Checks of <see cref="LearningOptions"/> beyond ranges: the dataset is there and big enough to split.</summary>
public sealed class LearningOptionsValidator : IValidateOptions<LearningOptions>
{
    /// <summary>File names of Fashion-MNIST, each accepted plain or gzip-compressed.</summary>
    public static readonly IReadOnlyList<string> DatasetFiles =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, LearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Directory.Exists(options.Dataset))
        {
            failures.Add($"Learning:Dataset: directory '{options.Dataset}' does not exist");
        }
        else
        {
            var missing = DatasetFiles.Where(f => !File.Exists(Path.Combine(options.Dataset, f)) && !File.Exists(Path.Combine(options.Dataset, f + ".gz"))).ToArray();
            if (missing.Length > 0)
            {
                failures.Add($"Learning:Dataset: '{options.Dataset}' lacks {string.Join(", ", missing)}");
            }
        }

        if (options.TrainSamples != 0 && options.TrainSamples < 10 * options.Organizations)
        {
            failures.Add($"Learning:TrainSamples: {options.TrainSamples} samples cannot give {options.Organizations} organizations 10 samples each");
        }

        // Creating the backend once here turns "no such backend" and "no CUDA" into a start-up error (exit 2).
        try
        {
            ModelFactory.Backend(options).Dispose();
        }
        catch (LearningBackendUnavailableException e)
        {
            failures.Add($"Learning:Backend: {e.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
