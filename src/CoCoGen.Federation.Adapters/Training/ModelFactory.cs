using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.Adapters.Training;

/// <summary>The classifier and the conditional generator of a run on <see cref="ImageCorpus"/>, built the same way in every process.</summary>
internal static class ModelFactory
{
    public const int LatentSize = 16;

    /// <summary>The classifier with the run's seeded initial weights; LeNet-5 unless <paramref name="model"/> names another (the calibration always measures LeNet-5).</summary>
    public static Layer Classifier(ImageCorpus corpus, int seed, IComputeBackend backend, ClassifierModel? model = null)
    {
        var classifier = (model ?? ClassifierModel.LeNet5).Engine(corpus, new RandomSource((ulong)seed).Fork(11));
        classifier.UseBackend(backend);
        return classifier;
    }

    public static ConditionalVae Generator(ImageCorpus corpus, int seed, IComputeBackend backend)
    {
        var model = new ConditionalVae(corpus.Channels, corpus.ImageSide, corpus.ClassCount, LatentSize, new RandomSource((ulong)seed).Fork(12));
        model.Encoder.UseBackend(backend);
        model.Decoder.UseBackend(backend);
        return model;
    }

    /// <summary>The backend this process trains on (Learning:Backend, Learning:Device), from those registered with <see cref="LearningBackends"/>.</summary>
    public static ILearningBackend Backend(LearningOptions options) =>
        LearningBackends.Create(options.Backend, new LearningBackendRequest(options.Device, options.Threads, (ulong)options.Seed));

    /// <summary>A seed for (organization, round, purpose) derived from the run seed, independent of call order.</summary>
    public static ulong Stream(int seed, int organization, int round, int purpose) =>
        new RandomSource((ulong)seed).Fork((ulong)(((organization + 1) * 1_000_003L) + (round * 101L) + purpose)).NextUInt64();
}
