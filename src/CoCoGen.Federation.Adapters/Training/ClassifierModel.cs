using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.Adapters.Training;

/// <summary>
/// A classifier architecture a run can train (<c>Learning:Model</c>): its engine form, which every learner and the
/// coordinator build, and its canonical form, which the contribution meter, the commitment verifier and the
/// auditor's recompute score with. The one map from a model's name to both.
/// </summary>
public sealed class ClassifierModel
{
    private readonly Func<ImageCorpus, RandomSource, Layer> _engine;
    private readonly Func<ImageCorpus, ICanonicalClassifier> _canonical;

    private ClassifierModel(string name, string displayName, int evaluationBatchSize, Func<ImageCorpus, RandomSource, Layer> engine, Func<ImageCorpus, ICanonicalClassifier> canonical)
    {
        Name = name;
        DisplayName = displayName;
        EvaluationBatchSize = evaluationBatchSize;
        _engine = engine;
        _canonical = canonical;
    }

    /// <summary>LeNet-5, the CPU-sized default.</summary>
    public static ClassifierModel LeNet5 { get; } = new(
        "lenet5", "LeNet-5", 500, (c, r) => new LeNet5(c.Channels, c.ImageSide, c.ClassCount, r), c => new CanonicalLeNet5(c.Channels, c.ImageSide, c.ClassCount));

    /// <summary>MobileNetV2 with the small-image strides, the paper's CIFAR-10 model.</summary>
    public static ClassifierModel MobileNetV2 { get; } = new(
        "mobilenetv2", "MobileNetV2", 50, (c, r) => new MobileNetV2(c.Channels, c.ImageSide, c.ClassCount, r), c => new CanonicalMobileNetV2(c.Channels, c.ImageSide, c.ClassCount));

    /// <summary>MobileNetV3-Small with the small-image stem, the paper's Fashion-MNIST model.</summary>
    public static ClassifierModel MobileNetV3Small { get; } = new(
        "mobilenetv3-small", "MobileNetV3-Small", 50, (c, r) => new MobileNetV3Small(c.Channels, c.ImageSide, c.ClassCount, r), c => new CanonicalMobileNetV3Small(c.Channels, c.ImageSide, c.ClassCount));

    /// <summary>Every model, the default first.</summary>
    public static IReadOnlyList<ClassifierModel> All { get; } = [LeNet5, MobileNetV2, MobileNetV3Small];

    /// <summary>The names <c>Learning:Model</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(m => m.Name)];

    /// <summary>The configuration name, e.g. <c>mobilenetv2</c>.</summary>
    public string Name { get; }

    /// <summary>The name written into model files, e.g. <c>MobileNetV2</c>.</summary>
    public string DisplayName { get; }

    /// <summary>
    /// Test images per engine forward pass: the engine keeps every layer's output, which for a MobileNet at 32×32 is
    /// ~3 M floats an image, so its batches are kept small.
    /// </summary>
    public int EvaluationBatchSize { get; }

    /// <summary>The model named <paramref name="name"/>.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    public static ClassifierModel Parse(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"Unknown model '{name}' (expected {string.Join(", ", Names)}).", nameof(name));

    /// <summary>A freshly initialised engine model for <paramref name="corpus"/>'s images.</summary>
    /// <param name="corpus">The dataset.</param>
    /// <param name="random">Seeded source of the initial weights (and of dropout, where the model has it).</param>
    public Layer Engine(ImageCorpus corpus, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return _engine(corpus, random);
    }

    /// <summary>The canonical form for <paramref name="corpus"/>'s images.</summary>
    /// <param name="corpus">The dataset.</param>
    public ICanonicalClassifier Canonical(ImageCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return _canonical(corpus);
    }
}
