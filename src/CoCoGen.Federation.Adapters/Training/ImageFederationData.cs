using CoCoGen.Learning.Data;

namespace CoCoGen.Federation.Adapters.Training;

/// <summary>
/// The dataset (Fashion-MNIST or CIFAR-10) as a run sees it: first the coordinator's validation pool is set aside from
/// the training set; the rest (optionally a seeded subset) is split over the organizations with Dirichlet(α) label
/// proportions; the test set (optionally a seeded subset) reports accuracy. Every process derives the same split from
/// the seed; an organization process keeps only its shard, and a shard never holds a pool sample.
/// </summary>
public sealed class ImageFederationData
{
    private readonly int[] _sourceIndices;

    private ImageFederationData(ImageDataset train, int[] sourceIndices, DataPartition partition, ImageDataset test, ValidationPool pool)
    {
        Train = train;
        _sourceIndices = sourceIndices;
        Partition = partition;
        Test = test;
        Pool = pool;
    }

    /// <summary>The (sub-sampled) training set the organizations share out, without the validation pool.</summary>
    public ImageDataset Train { get; }

    /// <summary>Who holds which training sample.</summary>
    public DataPartition Partition { get; }

    /// <summary>The (sub-sampled) test set.</summary>
    public ImageDataset Test { get; }

    /// <summary>The coordinator's validation pool.</summary>
    public ValidationPool Pool { get; }

    /// <summary>Loads and partitions the data as <paramref name="options"/> say.</summary>
    public static ImageFederationData Load(LearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var corpus = options.ResolvedCorpus();
        var full = corpus.LoadTrain(options.DatasetLocation(), options.DecodeCacheDirectory());
        var (pool, rest) = SetPoolAside(full, options);
        var kept = Subsample(rest.Length, options.TrainSamples, options.Seed, stream: 1);
        var sourceIndices = kept.Select(k => rest[k]).ToArray();
        var train = new SubsetDataset(full, sourceIndices);
        var test = LoadTest(options);
        var partition = DirichletPartitioner.Partition(train, options.Organizations, options.Alpha, (ulong)options.Seed, minimumPerOrganization: 10);
        return new ImageFederationData(train, sourceIndices, partition, test, pool);
    }

    /// <summary>What a coordinator process holds, which trains nothing: the test set and the validation pool.</summary>
    public static (ImageDataset Test, ValidationPool Pool) LoadCoordinator(LearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var full = options.ResolvedCorpus().LoadTrain(options.DatasetLocation(), options.DecodeCacheDirectory());
        return (LoadTest(options), SetPoolAside(full, options).Pool);
    }

    /// <summary>
    /// Organization <paramref name="index"/>'s own samples. Throws if the split would hand it a validation-pool
    /// sample: the pool's independence is what makes x_i a measurement, so it is checked, not assumed.
    /// </summary>
    public ImageDataset Shard(int index)
    {
        foreach (var k in Partition.Indices(index))
        {
            if (Pool.Contains(_sourceIndices[k]))
            {
                throw new InvalidOperationException($"organization {index}'s shard holds training sample {_sourceIndices[k]}, which is in the validation pool");
            }
        }

        return Partition.Subset(Train, index);
    }

    private static ImageDataset LoadTest(LearningOptions options)
    {
        var test = options.ResolvedCorpus().LoadTest(options.DatasetLocation(), options.DecodeCacheDirectory());
        var kept = Subsample(test.Count, options.TestSamples, options.Seed, stream: 2);
        return kept.Length == test.Count ? test : new SubsetDataset(test, kept);
    }

    // The pool is drawn from the whole training set by its own stream of the run seed, before anything else.
    private static (ValidationPool Pool, int[] Others) SetPoolAside(ImageDataset full, LearningOptions options)
    {
        if (options.ValidationPool >= full.Count)
        {
            throw new ArgumentException($"Learning:ValidationPool is {options.ValidationPool}; the training set holds only {full.Count} samples");
        }

        var order = Enumerable.Range(0, full.Count).ToArray();
        new Learning.Tensors.RandomSource((ulong)options.Seed).Fork(3).Shuffle(order.AsSpan());
        var pool = order[..options.ValidationPool];
        var rest = order[options.ValidationPool..];
        Array.Sort(pool);
        Array.Sort(rest);
        return (new ValidationPool(full, pool, options.ResolvedCorpus().Normalization), rest);
    }

    // A seeded choice of count of 0..available-1, ascending (all of them when count is 0 or too large).
    private static int[] Subsample(int available, int count, int seed, ulong stream)
    {
        var order = Enumerable.Range(0, available).ToArray();
        if (count <= 0 || count >= available)
        {
            return order;
        }

        new Learning.Tensors.RandomSource((ulong)seed).Fork(stream).Shuffle(order.AsSpan());
        var chosen = order[..count];
        Array.Sort(chosen);
        return chosen;
    }
}
