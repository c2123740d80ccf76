using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Models;

/// <summary>
/// MobileNetV3-Small (Howard et al., 2019, table 2), the paper's Fashion-MNIST model. For small images
/// (≤ 64 pixels, e.g. 28 or 32) the stem convolution has stride 1 instead of 2, so the trunk downsamples by
/// 16 rather than 32 and a 28×28 input reaches the head as 2×2 instead of vanishing.
/// </summary>
public sealed class MobileNetV3Small : ImageClassifier
{
    /// <summary>Largest image side that gets the stride-1 stem.</summary>
    public const int SmallImageLimit = 64;

    // kernel, expanded width, output width, squeeze-excite, activation, stride — as in the paper's table 2; the canonical form reads it too.
    internal static readonly (int Kernel, int Expanded, int Out, bool SqueezeExcite, ActivationKind Activation, int Stride)[] Bottlenecks =
    [
        (3, 16, 16, true, ActivationKind.Relu, 2),
        (3, 72, 24, false, ActivationKind.Relu, 2),
        (3, 88, 24, false, ActivationKind.Relu, 1),
        (5, 96, 40, true, ActivationKind.Hardswish, 2),
        (5, 240, 40, true, ActivationKind.Hardswish, 1),
        (5, 240, 40, true, ActivationKind.Hardswish, 1),
        (5, 120, 48, true, ActivationKind.Hardswish, 1),
        (5, 144, 48, true, ActivationKind.Hardswish, 1),
        (5, 288, 96, true, ActivationKind.Hardswish, 2),
        (5, 576, 96, true, ActivationKind.Hardswish, 1),
        (5, 576, 96, true, ActivationKind.Hardswish, 1),
    ];

    /// <summary>Builds the network with freshly initialised weights.</summary>
    /// <param name="inputChannels">1 for Fashion-MNIST, 3 for CIFAR.</param>
    /// <param name="imageSize">Image side: 28, 32 (stride-1 stem) or larger.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="random">Seeded source for the weights and dropout.</param>
    /// <param name="dropout">Dropout probability before the last layer.</param>
    public MobileNetV3Small(int inputChannels, int imageSize, int classes, RandomSource random, float dropout = 0.2f)
        : base(inputChannels, imageSize, classes, Features(inputChannels, imageSize, classes, random), Classifier(classes, dropout, random))
    {
    }

    private static Sequential Features(int inputChannels, int imageSize, int classes, RandomSource random)
    {
        Validate(inputChannels, imageSize, classes, minimumSize: 16, random);
        int stemStride = imageSize <= SmallImageLimit ? 1 : 2;
        var features = new Sequential(ConvNormActivation.Create(inputChannels, 16, 3, stemStride, ActivationKind.Hardswish, random));
        int width = 16;
        foreach (var b in Bottlenecks)
        {
            features.Add(InvertedResidual.Create(width, b.Expanded, b.Out, b.Kernel, b.Stride, b.SqueezeExcite, b.Activation, random));
            width = b.Out;
        }

        features.Add(ConvNormActivation.Create(width, 576, 1, 1, ActivationKind.Hardswish, random));
        return features;
    }

    private static Sequential Classifier(int classes, float dropout, RandomSource random) => new(
        new AdaptiveAvgPool2d(1),
        new Flatten(),
        new Linear(576, 1024, random),
        new Hardswish(),
        new Dropout(dropout, random),
        new Linear(1024, classes, random));
}
