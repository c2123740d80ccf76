using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Canonical form of <see cref="LeNet5"/>: conv1 5×5 (padding 2 on 28-pixel inputs) · max-pool 2 · ReLU ·
/// conv2 5×5 · max-pool 2 · ReLU · fc1 · ReLU · fc2 · ReLU · fc3, over the same state names. Pooling before
/// ReLU is the engine's order; the two orders give identical bits because ReLU commutes with a maximum.
/// </summary>
public sealed class CanonicalLeNet5 : ICanonicalClassifier
{
    private readonly int _padding;
    private readonly int _featureSide;

    /// <summary>Describes the network.</summary>
    /// <param name="inputChannels">1 or 3.</param>
    /// <param name="imageSize">28 or 32.</param>
    /// <param name="classes">At least 2.</param>
    public CanonicalLeNet5(int inputChannels, int imageSize, int classes)
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
        InputChannels = inputChannels;
        ImageSize = imageSize;
        Classes = classes;
        _padding = imageSize == 28 ? 2 : 0;
        _featureSide = 28;
        StateLayout =
        [
            ("conv1.weight", [6, inputChannels, 5, 5]), ("conv1.bias", [6]),
            ("conv2.weight", [16, 6, 5, 5]), ("conv2.bias", [16]),
            ("fc1.weight", [120, 400]), ("fc1.bias", [120]),
            ("fc2.weight", [84, 120]), ("fc2.bias", [84]),
            ("fc3.weight", [classes, 84]), ("fc3.bias", [classes]),
        ];
    }

    /// <summary>The canonical form of an engine model's architecture.</summary>
    /// <param name="model">The engine's LeNet-5.</param>
    public static CanonicalLeNet5 Of(LeNet5 model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new CanonicalLeNet5(model.InputChannels, model.ImageSize, model.Classes);
    }

    /// <inheritdoc />
    public int InputChannels { get; }

    /// <inheritdoc />
    public int ImageSize { get; }

    /// <inheritdoc />
    public int Classes { get; }

    /// <inheritdoc />
    public IReadOnlyList<(string Name, int[] Shape)> StateLayout { get; }

    /// <inheritdoc />
    public CanonicalNetwork Bind(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        int side = _featureSide;
        var conv1 = new CanonicalConvolution(state, "conv1", InputChannels, ImageSize, ImageSize, 6, 5, padding: _padding);
        var pool1 = new CanonicalMaxPool(6, side, side, 2);
        side = pool1.OutputHeight;
        var conv2 = new CanonicalConvolution(state, "conv2", 6, side, side, 16, 5);
        var pool2 = new CanonicalMaxPool(16, conv2.OutputHeight, conv2.OutputWidth, 2);
        return new CanonicalNetwork(
            InputChannels * ImageSize * ImageSize,
            Classes,
            [
                conv1, pool1, new CanonicalRelu(pool1.OutputLength),
                conv2, pool2, new CanonicalRelu(pool2.OutputLength),
                new CanonicalLinear(state, "fc1", 400, 120), new CanonicalRelu(120),
                new CanonicalLinear(state, "fc2", 120, 84), new CanonicalRelu(84),
                new CanonicalLinear(state, "fc3", 84, Classes),
            ]);
    }
}
