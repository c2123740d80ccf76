using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Models;

/// <summary>
/// MobileNetV2 (Sandler et al., 2018, table 2), the paper's CIFAR-10 model. For small images (≤ 64 pixels)
/// the stem and the first 24-wide stage keep stride 1 (the usual CIFAR adaptation), so the trunk
/// downsamples by 8 and a 32×32 input reaches the head as 4×4.
/// </summary>
public sealed class MobileNetV2 : ImageClassifier
{
    /// <summary>Largest image side that gets the small-image strides.</summary>
    public const int SmallImageLimit = 64;

    // expansion t, output width c, repeats n, first stride s — as in the paper's table 2; the canonical form reads it too.
    internal static readonly (int Expansion, int Out, int Repeats, int Stride)[] Stages =
    [
        (1, 16, 1, 1),
        (6, 24, 2, 2),
        (6, 32, 3, 2),
        (6, 64, 4, 2),
        (6, 96, 3, 1),
        (6, 160, 3, 2),
        (6, 320, 1, 1),
    ];

    /// <summary>Builds the network with freshly initialised weights.</summary>
    /// <param name="inputChannels">3 for CIFAR, 1 for Fashion-MNIST.</param>
    /// <param name="imageSize">Image side: 28, 32 (small-image strides) or larger.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="random">Seeded source for the weights and dropout.</param>
    /// <param name="dropout">Dropout probability before the last layer.</param>
    public MobileNetV2(int inputChannels, int imageSize, int classes, RandomSource random, float dropout = 0.2f)
        : base(inputChannels, imageSize, classes, Features(inputChannels, imageSize, classes, random), Classifier(classes, dropout, random))
    {
    }

    private static Sequential Features(int inputChannels, int imageSize, int classes, RandomSource random)
    {
        Validate(inputChannels, imageSize, classes, minimumSize: 8, random);
        bool small = imageSize <= SmallImageLimit;
        var features = new Sequential(ConvNormActivation.Create(inputChannels, 32, 3, small ? 1 : 2, ActivationKind.Relu6, random));
        int width = 32;
        foreach (var stage in Stages)
        {
            int stride = small && stage.Out == 24 ? 1 : stage.Stride;
            for (int i = 0; i < stage.Repeats; i++)
            {
                features.Add(InvertedResidual.Create(width, width * stage.Expansion, stage.Out, 3, i == 0 ? stride : 1, squeezeExcite: false, ActivationKind.Relu6, random));
                width = stage.Out;
            }
        }

        features.Add(ConvNormActivation.Create(width, 1280, 1, 1, ActivationKind.Relu6, random));
        return features;
    }

    private static Sequential Classifier(int classes, float dropout, RandomSource random) => new(
        new AdaptiveAvgPool2d(1),
        new Flatten(),
        new Dropout(dropout, random),
        new Linear(1280, classes, random));
}
