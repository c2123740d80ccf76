using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Models;

/// <summary>
/// ResNet-34 (He et al., 2016): basic blocks in stages of 3, 4, 6, 3 with widths 64–512, the paper's
/// CIFAR-100 model. For small images (≤ 64 pixels) the stem is a 3×3 stride-1 convolution without max
/// pooling (the usual CIFAR adaptation); larger images get the 7×7 stride-2 stem and 3×3 max pooling.
/// </summary>
public sealed class ResNet34 : ImageClassifier
{
    /// <summary>Largest image side that gets the small-image stem.</summary>
    public const int SmallImageLimit = 64;

    // output width, basic blocks, first stride.
    private static readonly (int Width, int Blocks, int Stride)[] Stages =
    [
        (64, 3, 1),
        (128, 4, 2),
        (256, 6, 2),
        (512, 3, 2),
    ];

    /// <summary>Builds the network with freshly initialised weights.</summary>
    /// <param name="inputChannels">3 for CIFAR, 1 for Fashion-MNIST.</param>
    /// <param name="imageSize">Image side: 28, 32 (small-image stem) or larger.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="random">Seeded source for the weights.</param>
    public ResNet34(int inputChannels, int imageSize, int classes, RandomSource random)
        : base(inputChannels, imageSize, classes, Features(inputChannels, imageSize, classes, random), Classifier(classes, random))
    {
    }

    private static Sequential Features(int inputChannels, int imageSize, int classes, RandomSource random)
    {
        Validate(inputChannels, imageSize, classes, minimumSize: 8, random);
        var features = imageSize <= SmallImageLimit
            ? new Sequential(ConvNormActivation.Create(inputChannels, 64, 3, 1, ActivationKind.Relu, random))
            : new Sequential(ConvNormActivation.Create(inputChannels, 64, 7, 2, ActivationKind.Relu, random), new MaxPool2d(3, 2, 1));
        int width = 64;
        foreach (var stage in Stages)
        {
            for (int i = 0; i < stage.Blocks; i++)
            {
                features.Add(BasicBlock(width, stage.Width, i == 0 ? stage.Stride : 1, random));
                width = stage.Width;
            }
        }

        return features;
    }

    private static Sequential Classifier(int classes, RandomSource random) => new(
        new AdaptiveAvgPool2d(1),
        new Flatten(),
        new Linear(512, classes, random));

    /// <summary>relu(bn(conv3×3(relu(bn(conv3×3(x))))) + shortcut(x)), the shortcut a strided 1×1 projection when the shape changes.</summary>
    private static Sequential BasicBlock(int inChannels, int outChannels, int stride, RandomSource random)
    {
        var body = new Sequential(
            ConvNormActivation.Create(inChannels, outChannels, 3, stride, ActivationKind.Relu, random),
            ConvNormActivation.Create(outChannels, outChannels, 3, 1, activation: null, random));
        Layer? shortcut = stride == 1 && inChannels == outChannels
            ? null
            : ConvNormActivation.Create(inChannels, outChannels, 1, stride, activation: null, random);
        return new Sequential(new Residual(body, shortcut), new Relu());
    }
}
