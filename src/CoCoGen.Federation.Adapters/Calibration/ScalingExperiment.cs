using System.Globalization;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Ports;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;
using CoCoGen.Mechanism.Calibration;

namespace CoCoGen.Federation.Adapters.Calibration;

/// <summary>
/// Paper Fig. 3 on real data. Split the training set with Dirichlet(α) (one partition, from the run seed),
/// pre-train the conditional generator with FedAvg as a run does, then for each organization, seed and g
/// of the grid: train a freshly initialised LeNet-5 (1×28×28 Fashion-MNIST or 3×32×32 CIFAR-10) for a fixed number of SGD steps on D_i real plus g
/// synthetic samples and record its loss (by default on D_i + g itself, the paper's "local model
/// performance (i.e., training loss)"). The fits are <see cref="ScalingFit"/>'s.
/// Common random numbers: within a seed every g starts from the same weights and the g synthetic samples
/// are the first g of one seeded pool, so the differences along the grid are not drowned by
/// initialisation noise.
/// </summary>
public sealed class ScalingExperiment(LearningOptions learning, ScalingExperimentSettings settings)
{
    private const int SynthesisChunk = 500;

    /// <summary>Runs the experiment.</summary>
    public async Task<ScalingCalibration> RunAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (settings.Grid.Count < 3 || settings.Grid.Any(g => g < 0))
        {
            throw new ArgumentException("--grid needs at least 3 non-negative synthetic sample counts");
        }

        var corpus = learning.ResolvedCorpus();
        var data = ImageFederationData.Load(learning);
        var model = new ImageGlobalModel(data.Test, learning);
        var learners = Enumerable.Range(0, learning.Organizations).Select(i => new ImageOrganizationLearner(data, i, learning)).ToArray();
        var generatorWeights = model.InitialGenerator();
        for (var pass = 1; pass <= settings.GeneratorPasses; pass++)
        {
            var updates = new List<(ModelWeights, long)>();
            foreach (var learner in learners)
            {
                var update = await learner.TrainGeneratorAsync(generatorWeights, pass, cancellationToken).ConfigureAwait(false);
                updates.Add((update.Weights, update.LocalSamples));
            }

            generatorWeights = model.Aggregate(updates);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"generator pass {pass}/{settings.GeneratorPasses}"));
        }

        var backend = new CpuBackend(learning.Threads);
        var generator = ModelFactory.Generator(corpus, learning.Seed, backend);
        StateVector.Write(generator.StateTensors(), generatorWeights);
        var points = new List<ScalingPoint>();
        var localSamples = new Dictionary<string, long>();
        for (var i = 0; i < learning.Organizations; i++)
        {
            var id = OrganizationIds.Of(i);
            var shard = data.Shard(i);
            localSamples[id] = shard.Count;
            for (var seed = 1; seed <= settings.Seeds; seed++)
            {
                var pool = Synthesize(corpus, generator, settings.Grid.Max(), ModelFactory.Stream(learning.Seed + seed, i, 0, 4), cancellationToken);
                foreach (var g in settings.Grid)
                {
                    var synthetic = g / corpus.ClassCount * corpus.ClassCount;
                    ImageDataset mixed = synthetic == 0 ? shard : new MixedDataset(shard, new SubsetDataset(pool, Enumerable.Range(0, synthetic).ToArray()));
                    var loss = TrainAndMeasure(corpus, mixed, data.Test, seed, i, backend, cancellationToken);
                    points.Add(new ScalingPoint(id, seed, synthetic, mixed.Count, loss));
                    progress?.Report(string.Create(CultureInfo.InvariantCulture,
                        $"{id} seed {seed}: D_i = {shard.Count}, g = {synthetic}, {settings.Measure.ToString().ToLowerInvariant()} loss {loss:F4}"));
                }
            }
        }

        var fit = ScalingFit.Of(points, localSamples);
        return new ScalingCalibration
        {
            Dataset = corpus.Name,
            Provenance = corpus.Provenance(learning.DatasetLocation()),
            Alpha = learning.Alpha,
            Organizations = learning.Organizations,
            Seed = learning.Seed,
            Seeds = settings.Seeds,
            Steps = settings.Epochs > 0 ? 0 : settings.Steps,
            Epochs = settings.Epochs,
            CosineDecay = settings.CosineDecay,
            Measure = settings.Measure,
            A = fit.Pooled.A,
            B = fit.Pooled.B,
            C = fit.Pooled.C,
            RSquared = fit.Pooled.RSquared,
            RSquaredSeedMeans = fit.PooledRSquaredSeedMeans,
            Pooled = fit.Pooled,
            Curves = fit.Curves,
            Points = points,
        };
    }

    // SGD from the seed's initial weights for the point's steps (fixed, or its epochs of D_i + g), cycling over reshuffled epochs.
    private double TrainAndMeasure(ImageCorpus corpus, ImageDataset mixed, ImageDataset test, int seed, int organization, CpuBackend backend, CancellationToken cancellationToken)
    {
        var classifier = ModelFactory.Classifier(corpus, learning.Seed + seed, backend);
        var optimizer = new Sgd(classifier.Parameters(), (float)learning.LearningRate, (float)learning.Momentum, backend: backend);
        var trainer = new Trainer(classifier, optimizer);
        var loader = new BatchLoader(mixed, learning.BatchSize, corpus.Normalization, shuffle: true, ModelFactory.Stream(learning.Seed + seed, organization, 0, 3));
        var total = settings.StepsFor(mixed.Count, learning.BatchSize);
        // Indexed by step, never reaching its end, so the last rate is small but positive.
        var schedule = settings.CosineDecay ? new CosineSchedule((float)learning.LearningRate, total) : null;
        var steps = 0;
        for (var epoch = 0; steps < total; epoch++)
        {
            foreach (var batch in loader.Epoch(epoch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (schedule is not null)
                {
                    optimizer.LearningRate = schedule.LearningRateAt(steps);
                }

                trainer.TrainBatch(batch.Images, batch.Labels);
                if (++steps == total)
                {
                    break;
                }
            }
        }

        var measured = settings.Measure == ScalingMeasure.Training ? mixed : test;
        var evaluation = new BatchLoader(measured, 256, corpus.Normalization, shuffle: false, seed: 0);
        return trainer.Evaluate(evaluation.Epoch(0), cancellationToken).MeanLoss;
    }

    // Labels cycle through the classes, so every prefix of 10·k samples holds k of each class.
    private static FloatImageDataset Synthesize(ImageCorpus corpus, Learning.Generative.ConditionalVae generator, int count, ulong stream, CancellationToken cancellationToken)
    {
        var pixels = corpus.Channels * corpus.ImageSide * corpus.ImageSide;
        var images = new float[count * pixels];
        var labels = new int[count];
        for (var k = 0; k < count; k++)
        {
            labels[k] = k % corpus.ClassCount;
        }

        var noise = new RandomSource(stream);
        for (var start = 0; start < count; start += SynthesisChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = Math.Min(SynthesisChunk, count - start);
            generator.Sample(labels.AsSpan(start, length), noise).Span.CopyTo(images.AsSpan(start * pixels, length * pixels));
        }

        return new FloatImageDataset(images, labels, corpus.Channels, corpus.ImageSide, corpus.ImageSide, corpus.ClassCount);
    }
}
