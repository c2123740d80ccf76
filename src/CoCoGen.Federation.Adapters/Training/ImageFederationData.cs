using CoCoGen.Learning.Data;

namespace CoCoGen.Federation.Adapters.Training;

/// <summary>
/// The dataset (Fashion-MNIST or CIFAR-10) as a run sees it: the training set (optionally a seeded subset) split over the
/// organizations with Dirichlet(α) label proportions, and the test set (optionally a seeded subset).
/// Every process derives the same split from the seed; an organization process keeps only its shard.
/// </summary>
public sealed class ImageFederationData
{
    private ImageFederationData(ImageDataset train, DataPartition partition, ImageDataset test)
    {
        Train = train;
        Partition = partition;
        Test = test;
    }

    /// <summary>The (sub-sampled) training set.</summary>
    public ImageDataset Train { get; }

    /// <summary>Who holds which training sample.</summary>
    public DataPartition Partition { get; }

    /// <summary>The (sub-sampled) test set.</summary>
    public ImageDataset Test { get; }

    /// <summary>Loads and partitions the data as <paramref name="options"/> say.</summary>
    public static ImageFederationData Load(LearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var corpus = options.ResolvedCorpus();
        var train = Subsample(corpus.LoadTrain(options.DatasetLocation(), options.DecodeCacheDirectory()), options.TrainSamples, options.Seed, stream: 1);
        var test = Subsample(corpus.LoadTest(options.DatasetLocation(), options.DecodeCacheDirectory()), options.TestSamples, options.Seed, stream: 2);
        var partition = DirichletPartitioner.Partition(train, options.Organizations, options.Alpha, (ulong)options.Seed, minimumPerOrganization: 10);
        return new ImageFederationData(train, partition, test);
    }

    /// <summary>Only the (sub-sampled) test set, for a coordinator process that holds no training data.</summary>
    public static ImageDataset LoadTest(LearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Subsample(options.ResolvedCorpus().LoadTest(options.DatasetLocation(), options.DecodeCacheDirectory()), options.TestSamples, options.Seed, stream: 2);
    }

    /// <summary>Organization <paramref name="index"/>'s own samples.</summary>
    public ImageDataset Shard(int index) => Partition.Subset(Train, index);

    private static ImageDataset Subsample(ImageDataset dataset, int count, int seed, ulong stream)
    {
        if (count <= 0 || count >= dataset.Count)
        {
            return dataset;
        }

        var random = new Learning.Tensors.RandomSource((ulong)seed).Fork(stream);
        var order = Enumerable.Range(0, dataset.Count).ToArray();
        random.Shuffle(order.AsSpan());
        var chosen = order[..count];
        Array.Sort(chosen);
        return new SubsetDataset(dataset, chosen);
    }
}
