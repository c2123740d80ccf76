using System.Diagnostics;
using CoCoGen.Federation.Ports;
using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Federation.Adapters.Training;

/// <summary>
/// One organization's learning on its own shard (Fashion-MNIST or CIFAR-10): conditional-VAE passes for the shared
/// generator, synthesis of g samples (an equal number per class), classifier (Learning:Model) training on real plus
/// synthetic samples. Every random choice is seeded by (run seed, organization, round).
/// </summary>
public sealed class ImageOrganizationLearner : IOrganizationLearner
{
    private const int SynthesisChunk = 500;
    private readonly ImageDataset _shard;
    private readonly LearningOptions _options;
    private readonly int _index;
    private readonly IClassifier _classifier;
    private readonly IConditionalGenerator _generator;
    private readonly ImageCorpus _corpus;
    private readonly SimulatedAdversary _adversary;

    /// <summary>
    /// Creates the learner of organization <paramref name="index"/> (0-based). It reads only its own shard, taken
    /// through <see cref="ImageFederationData.Shard"/>, which refuses one that holds a validation-pool sample.
    /// </summary>
    public ImageOrganizationLearner(ImageFederationData data, int index, LearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _adversary = options.AdversaryOf(OrganizationIds.Of(index));
        _shard = _adversary == SimulatedAdversary.LabelFlip
            ? new RelabeledDataset(data.Shard(index), Enumerable.Range(0, options.ResolvedCorpus().ClassCount).Reverse().ToArray())
            : data.Shard(index);
        _index = index;
        _corpus = options.ResolvedCorpus();

        // The architectures are built on the engine (that fixes names and initial weights), then placed on the backend.
        var backend = ModelFactory.Backend(options);
        _classifier = backend.Classifier(ModelFactory.Classifier(_corpus, options.Seed, CpuBackend.Shared, options.ResolvedModel()));
        _generator = backend.Generator(ModelFactory.Generator(_corpus, options.Seed, CpuBackend.Shared));
    }

    /// <inheritdoc/>
    public long LocalSamples => _shard.Count;

    /// <inheritdoc/>
    public Task<LocalUpdate> TrainGeneratorAsync(ModelWeights generator, int pass, CancellationToken cancellationToken) =>
        Task.Run(() => TrainGenerator(generator, pass, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public Task<LocalUpdate> TrainAsync(ModelWeights globalWeights, ModelWeights generator, int syntheticSamples, int round, CancellationToken cancellationToken) =>
        Task.Run(() => Train(globalWeights, generator, syntheticSamples, round, cancellationToken), cancellationToken);

    private LocalUpdate TrainGenerator(ModelWeights generator, int pass, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        StateVector.Load(_generator.State(), generator, _generator.LoadState);
        var noise = new RandomSource(ModelFactory.Stream(_options.Seed, _index, -pass, 1));
        var training = _generator.StartTraining((float)_options.GeneratorLearningRate, noise);
        var subset = GeneratorSubset(pass);
        var loader = new BatchLoader(subset, 64, ChannelNormalization.Identity(_corpus.Channels), shuffle: true, ModelFactory.Stream(_options.Seed, _index, -pass, 2));
        double lossSum = 0;
        long seen = 0;
        for (var epoch = 0; epoch < _options.GeneratorEpochs; epoch++)
        {
            var loss = training.TrainEpoch(loader.Epoch(epoch), cancellationToken);
            lossSum += (double)loss.Total * subset.Count;
            seen += subset.Count;
        }

        return new LocalUpdate(StateVector.Read(_generator.State()), _shard.Count, 0, lossSum / Math.Max(1, seen), 0, clock.Elapsed.TotalSeconds);
    }

    // A seeded subset per pass, so successive passes see different samples of the shard.
    private ImageDataset GeneratorSubset(int pass)
    {
        if (_options.GeneratorSamples <= 0 || _options.GeneratorSamples >= _shard.Count)
        {
            return _shard;
        }

        var order = Enumerable.Range(0, _shard.Count).ToArray();
        new RandomSource(ModelFactory.Stream(_options.Seed, _index, -pass, 5)).Shuffle(order.AsSpan());
        var chosen = order[.._options.GeneratorSamples];
        Array.Sort(chosen);
        return new SubsetDataset(_shard, chosen);
    }

    private LocalUpdate Train(ModelWeights global, ModelWeights generator, int syntheticSamples, int round, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var perClass = Math.Max(0, syntheticSamples) / _corpus.ClassCount;
        if (_adversary is SimulatedAdversary.FreeRider or SimulatedAdversary.Noisy)
        {
            var values = global.Values.ToArray();
            if (_adversary == SimulatedAdversary.Noisy)
            {
                var noise = new float[values.Length];
                new RandomSource(ModelFactory.Stream(_options.Seed, _index, round, 9)).FillNormal(noise, 0, (float)_options.AdversaryNoise);
                System.Numerics.Tensors.TensorPrimitives.Add(values, noise, values);
            }

            return new LocalUpdate(new ModelWeights(values), _shard.Count, perClass * _corpus.ClassCount, 0.5, 0, clock.Elapsed.TotalSeconds);
        }

        ImageDataset data = _shard;
        if (perClass > 0)
        {
            data = new MixedDataset(_shard, Synthesize(generator, perClass, round, cancellationToken));
        }

        var synthesisSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        StateVector.Load(_classifier.State(), global, _classifier.LoadState);
        var trainer = _classifier.StartTraining(OptimizerSettings.Sgd((float)_options.LearningRate, (float)_options.Momentum));
        var loader = new BatchLoader(data, _options.BatchSize, _corpus.Normalization, shuffle: true, ModelFactory.Stream(_options.Seed, _index, round, 3));
        var result = default(EpochResult);
        for (var epoch = 0; epoch < _options.LocalEpochs; epoch++)
        {
            result = trainer.TrainEpoch(loader.Epoch(epoch), cancellationToken);
        }

        return new LocalUpdate(StateVector.Read(_classifier.State()), _shard.Count, perClass * _corpus.ClassCount, result.MeanLoss, synthesisSeconds, clock.Elapsed.TotalSeconds);
    }

    private FloatImageDataset Synthesize(ModelWeights generator, int perClass, int round, CancellationToken cancellationToken)
    {
        StateVector.Load(_generator.State(), generator, _generator.LoadState);
        var count = perClass * _corpus.ClassCount;
        var pixels = _corpus.Channels * _corpus.ImageSide * _corpus.ImageSide;
        var images = new float[count * pixels];
        var labels = new int[count];
        for (var k = 0; k < count; k++)
        {
            labels[k] = k % _corpus.ClassCount;
        }

        var noise = new RandomSource(ModelFactory.Stream(_options.Seed, _index, round, 4));
        for (var start = 0; start < count; start += SynthesisChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = Math.Min(SynthesisChunk, count - start);
            var sample = _generator.Sample(labels.AsSpan(start, length), noise);
            sample.Span.CopyTo(images.AsSpan(start * pixels, length * pixels));
        }

        return new FloatImageDataset(images, labels, _corpus.Channels, _corpus.ImageSide, _corpus.ImageSide, _corpus.ClassCount);
    }
}
