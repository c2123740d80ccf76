using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Models;

/// <summary>
/// A convolutional classifier made of a feature extractor and a classifier head, mapping
/// [N, InputChannels, ImageSize, ImageSize] images to [N, Classes] logits. Children are named "features"
/// and "classifier" as in torchvision.
/// </summary>
public abstract class ImageClassifier : Layer
{
    private readonly Sequential _features;
    private readonly Sequential _classifier;

    /// <summary>Wraps the two parts and checks the configuration.</summary>
    /// <param name="inputChannels">Channels of the input images (1 grey, 3 RGB).</param>
    /// <param name="imageSize">Side of the square input images in pixels.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="features">The convolutional trunk.</param>
    /// <param name="classifier">The head producing logits.</param>
    protected ImageClassifier(int inputChannels, int imageSize, int classes, Sequential features, Sequential classifier)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(classifier);
        InputChannels = inputChannels;
        ImageSize = imageSize;
        Classes = classes;
        _features = features;
        _classifier = classifier;
        // Images need no gradient; a caller wanting one (e.g. for saliency) sets this back to true.
        RequiresInputGradient = false;
    }

    /// <summary>Channels of the input images.</summary>
    public int InputChannels { get; }

    /// <summary>Side of the square input images.</summary>
    public int ImageSize { get; }

    /// <summary>Number of classes (width of the logits).</summary>
    public int Classes { get; }

    /// <inheritdoc />
    public override IEnumerable<(string Name, Layer Layer)> Children => [("features", _features), ("classifier", _classifier)];

    /// <inheritdoc />
    public override bool RequiresInputGradient
    {
        get => base.RequiresInputGradient;
        set
        {
            base.RequiresInputGradient = value;
            _features.RequiresInputGradient = value;
        }
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        RequireImage(input, InputChannels, GetType().Name);
        if (input.Dim(2) != ImageSize || input.Dim(3) != ImageSize)
        {
            throw new ArgumentException($"{GetType().Name} is configured for {ImageSize}×{ImageSize} images, got {input.ShapeText}.", nameof(input));
        }

        return _classifier.Forward(_features.Forward(input));
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient) => _features.Backward(_classifier.Backward(outputGradient));

    /// <summary>Checks the common configuration arguments.</summary>
    /// <param name="inputChannels">Input channels, at least one.</param>
    /// <param name="imageSize">Image side, at least <paramref name="minimumSize"/>.</param>
    /// <param name="classes">Classes, at least two.</param>
    /// <param name="minimumSize">Smallest side the architecture's strides allow.</param>
    /// <param name="random">The weight initialisation source.</param>
    protected static void Validate(int inputChannels, int imageSize, int classes, int minimumSize, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputChannels);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, minimumSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
    }
}
