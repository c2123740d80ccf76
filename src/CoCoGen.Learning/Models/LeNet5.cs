using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Models;

/// <summary>
/// LeNet-5 with ReLU and max pooling (the fast CPU default):
/// conv1 5×5 → 6 (padding 2 on 28-pixel inputs so both sizes reach 28×28) · max-pool 2 · ReLU ·
/// conv2 5×5 → 16 · max-pool 2 · ReLU · flatten 16·5·5 · fc1 → 120 · ReLU · fc2 → 84 · ReLU · fc3 → classes.
/// ReLU after the pool equals ReLU before it (ReLU is monotone, so it commutes with a maximum, and both
/// orders route each window's gradient to the same element or to none) but touches a quarter of the values.
/// State names conv1/conv2/fc1/fc2/fc3 match a PyTorch module with those attributes.
/// </summary>
public sealed class LeNet5 : Layer
{
    private readonly Conv2d _conv1;
    private readonly MaxPool2d _pool1 = new(2);
    private readonly Relu _relu1 = new();
    private readonly Conv2d _conv2;
    private readonly MaxPool2d _pool2 = new(2);
    private readonly Relu _relu2 = new();
    private readonly Flatten _flatten = new();
    private readonly Linear _fc1;
    private readonly Relu _relu3 = new();
    private readonly Linear _fc2;
    private readonly Relu _relu4 = new();
    private readonly Linear _fc3;
    private (string Name, Layer Layer)[]? _children;

    /// <summary>Creates the network.</summary>
    /// <param name="inputChannels">1 (grey) or 3 (colour).</param>
    /// <param name="imageSize">28 or 32 pixels square.</param>
    /// <param name="classes">Number of classes (≥ 2).</param>
    /// <param name="random">Seeded source for the initial weights.</param>
    public LeNet5(int inputChannels, int imageSize, int classes, RandomSource random)
    {
        if (inputChannels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(inputChannels), $"LeNet-5 takes 1 or 3 input channels, not {inputChannels}.");
        }

        if (imageSize is not (28 or 32))
        {
            throw new ArgumentOutOfRangeException(nameof(imageSize), $"LeNet-5 takes 28- or 32-pixel images, not {imageSize}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentNullException.ThrowIfNull(random);
        InputChannels = inputChannels;
        ImageSize = imageSize;
        Classes = classes;
        _conv1 = new Conv2d(inputChannels, 6, 5, random, padding: imageSize == 28 ? 2 : 0);
        _conv2 = new Conv2d(6, 16, 5, random);
        _fc1 = new Linear(16 * 5 * 5, 120, random);
        _fc2 = new Linear(120, 84, random);
        _fc3 = new Linear(84, classes, random);
        RequiresInputGradient = false;
    }

    /// <summary>Input channels.</summary>
    public int InputChannels { get; }

    /// <summary>Image side in pixels.</summary>
    public int ImageSize { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <inheritdoc />
    public override bool RequiresInputGradient
    {
        get => base.RequiresInputGradient;
        set
        {
            base.RequiresInputGradient = value;
            _conv1.RequiresInputGradient = value;
        }
    }

    /// <inheritdoc />
    public override IEnumerable<(string Name, Layer Layer)> Children => _children ??=
    [
        ("conv1", _conv1), ("pool1", _pool1), ("relu1", _relu1),
        ("conv2", _conv2), ("pool2", _pool2), ("relu2", _relu2),
        ("flatten", _flatten),
        ("fc1", _fc1), ("relu3", _relu3),
        ("fc2", _fc2), ("relu4", _relu4),
        ("fc3", _fc3),
    ];

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        RequireImage(input, InputChannels, nameof(LeNet5));
        if (input.Dim(2) != ImageSize || input.Dim(3) != ImageSize)
        {
            throw new ArgumentException($"LeNet-5 built for {ImageSize}×{ImageSize} images got {input.ShapeText}.", nameof(input));
        }

        Tensor x = _relu1.Forward(_pool1.Forward(_conv1.Forward(input)));
        x = _relu2.Forward(_pool2.Forward(_conv2.Forward(x)));
        x = _flatten.Forward(x);
        x = _relu3.Forward(_fc1.Forward(x));
        x = _relu4.Forward(_fc2.Forward(x));
        return _fc3.Forward(x);
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor g = _fc2.Backward(_relu4.Backward(_fc3.Backward(outputGradient)));
        g = _fc1.Backward(_relu3.Backward(g));
        g = _flatten.Backward(g);
        g = _conv2.Backward(_pool2.Backward(_relu2.Backward(g)));
        return _conv1.Backward(_pool1.Backward(_relu1.Backward(g)));
    }
}
