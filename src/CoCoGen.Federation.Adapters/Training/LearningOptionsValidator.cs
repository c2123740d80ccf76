using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Data;
using Microsoft.Extensions.Options;

namespace CoCoGen.Federation.Adapters.Training;

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
        // The dataset's default location depends on the corpus, so it is asked for only once the corpus is known.
        var location = ImageCorpus.Names.Contains(options.Corpus) ? options.DatasetLocation() : options.Dataset;
        if (!ImageCorpus.Names.Contains(options.Corpus))
        {
            failures.Add($"Learning:Corpus: '{options.Corpus}' is not one of {string.Join(", ", ImageCorpus.Names)}");
        }
        else if (options.Corpus == ImageCorpus.Cifar10.Name)
        {
            if (!File.Exists(location) && !Directory.Exists(location))
            {
                failures.Add($"Learning:Dataset: CIFAR-10 location '{location}' (a cifar-10-batches-bin folder or a JPEG zip) does not exist");
            }
        }
        else if (!Directory.Exists(location))
        {
            failures.Add($"Learning:Dataset: directory '{location}' does not exist");
        }
        else
        {
            var missing = DatasetFiles.Where(f => !File.Exists(Path.Combine(location, f)) && !File.Exists(Path.Combine(location, f + ".gz"))).ToArray();
            if (missing.Length > 0)
            {
                failures.Add($"Learning:Dataset: '{location}' lacks {string.Join(", ", missing)}");
            }
        }

        if (!ClassifierModel.Names.Contains(options.Model))
        {
            failures.Add($"Learning:Model: '{options.Model}' is not one of {string.Join(", ", ClassifierModel.Names)}");
        }
        else if (ImageCorpus.Names.Contains(options.Corpus))
        {
            // Building the canonical form checks the architecture against the corpus's image shape.
            var corpus = options.ResolvedCorpus();
            try
            {
                options.ResolvedModel().Canonical(corpus);
            }
            catch (ArgumentException e)
            {
                failures.Add($"Learning:Model: {options.Model} does not take {corpus.Name}'s {corpus.Channels}×{corpus.ImageSide}×{corpus.ImageSide} images: {e.Message}");
            }
        }

        if (options.TrainSamples != 0 && options.TrainSamples < 10 * options.Organizations)
        {
            failures.Add($"Learning:TrainSamples: {options.TrainSamples} samples cannot give {options.Organizations} organizations 10 samples each");
        }

        foreach (var (id, behaviour) in options.Adversaries)
        {
            var known = Enumerable.Range(0, options.Organizations).Select(Federation.Ports.OrganizationIds.Of).Contains(id);
            if (!known)
            {
                failures.Add($"Learning:Adversaries:{id}: no such organization (org1 to org{options.Organizations})");
            }
            else if (!LearningOptions.AdversaryNames.ContainsKey(behaviour))
            {
                failures.Add($"Learning:Adversaries:{id}: '{behaviour}' is not one of {string.Join(", ", LearningOptions.AdversaryNames.Keys)}");
            }
        }

        if (options.ValidationSubset > options.ValidationPool)
        {
            failures.Add($"Learning:ValidationSubset: {options.ValidationSubset} images cannot be drawn from a validation pool of {options.ValidationPool}");
        }

        // Creating the backend once here turns "no such backend" and "no CUDA" into a start-up error (exit 2). An
        // out-of-range thread count is Learning:Threads's own failure (its range attribute); no backend is made then.
        if (options.Threads is >= 0 and <= 64)
        {
            try
            {
                ModelFactory.Backend(options).Dispose();
            }
            catch (LearningBackendUnavailableException e)
            {
                failures.Add($"Learning:Backend: {e.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
