using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Canonical form of <see cref="MobileNetV2"/> in evaluation mode, over the same state names and shapes: the stem
/// (3×3 convolution, batch norm, ReLU6), the seventeen inverted residuals of the paper's table 2 (1×1 expansion ·
/// batch norm · ReLU6 when t ≠ 1, 3×3 depthwise · batch norm · ReLU6, 1×1 projection · batch norm, plus the input
/// when the stride is 1 and the width is kept), the 1×1 convolution to 1280 · batch norm · ReLU6, global average
/// pooling and the linear head. Dropout is the identity in evaluation. Images of at most
/// <see cref="MobileNetV2.SmallImageLimit"/> pixels get the engine's small-image strides (stem and first 24-wide
/// block at stride 1). Batch norm is folded at bind (<see cref="CanonicalBatchNorm"/>): bind again after the state
/// changes.
/// </summary>
public sealed class CanonicalMobileNetV2 : ICanonicalClassifier
{
    private const int StemWidth = 32;
    private const int HeadWidth = 1280;

    private readonly Block[] _blocks;

    /// <summary>Describes the network.</summary>
    /// <param name="inputChannels">At least 1 (3 for CIFAR-10, 1 for Fashion-MNIST).</param>
    /// <param name="imageSize">At least 8.</param>
    /// <param name="classes">At least 2.</param>
    public CanonicalMobileNetV2(int inputChannels, int imageSize, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputChannels);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        InputChannels = inputChannels;
        ImageSize = imageSize;
        Classes = classes;
        bool small = imageSize <= MobileNetV2.SmallImageLimit;
        var blocks = new List<Block>();
        int width = StemWidth;
        foreach (var stage in MobileNetV2.Stages)
        {
            int stride = small && stage.Out == 24 ? 1 : stage.Stride;
            for (int i = 0; i < stage.Repeats; i++)
            {
                int blockStride = i == 0 ? stride : 1;
                blocks.Add(new Block(width, width * stage.Expansion, stage.Out, blockStride, blockStride == 1 && width == stage.Out));
                width = stage.Out;
            }
        }

        _blocks = [.. blocks];
        StemStride = small ? 1 : 2;
        var layout = new List<(string Name, int[] Shape)>();
        CanonicalConvolutionNormUnit.AppendState(layout, "features.0", [StemWidth, inputChannels, 3, 3]);
        for (int b = 0; b < _blocks.Length; b++)
        {
            Block block = _blocks[b];
            string prefix = BlockPrefix(b);
            int unit = 0;
            if (block.Expanded != block.In)
            {
                CanonicalConvolutionNormUnit.AppendState(layout, $"{prefix}.{unit++}", [block.Expanded, block.In, 1, 1]);
            }

            CanonicalConvolutionNormUnit.AppendState(layout, $"{prefix}.{unit++}", [block.Expanded, 1, 3, 3]);
            CanonicalConvolutionNormUnit.AppendState(layout, $"{prefix}.{unit}", [block.Out, block.Expanded, 1, 1]);
        }

        CanonicalConvolutionNormUnit.AppendState(layout, $"features.{_blocks.Length + 1}", [HeadWidth, width, 1, 1]);
        layout.Add(("classifier.3.weight", [classes, HeadWidth]));
        layout.Add(("classifier.3.bias", [classes]));
        StateLayout = layout;
    }

    /// <inheritdoc />
    public int InputChannels { get; }

    /// <inheritdoc />
    public int ImageSize { get; }

    /// <inheritdoc />
    public int Classes { get; }

    /// <inheritdoc />
    public IReadOnlyList<(string Name, int[] Shape)> StateLayout { get; }

    private int StemStride { get; }

    /// <inheritdoc />
    public CanonicalNetwork Bind(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var layers = new List<ICanonicalLayer>();
        var stem = new CanonicalConvolution(state, "features.0.0", InputChannels, ImageSize, ImageSize, StemWidth, 3, StemStride, 1, bias: false);
        int side = stem.OutputHeight;
        layers.Add(stem);
        AddNormActivation(layers, state, "features.0.1", StemWidth, side * side, activate: true);
        for (int b = 0; b < _blocks.Length; b++)
        {
            Block block = _blocks[b];
            string prefix = BlockPrefix(b);
            var body = new List<ICanonicalLayer>();
            int unit = 0;
            if (block.Expanded != block.In)
            {
                body.Add(new CanonicalConvolution(state, $"{prefix}.{unit}.0", block.In, side, side, block.Expanded, 1, bias: false));
                AddNormActivation(body, state, $"{prefix}.{unit++}.1", block.Expanded, side * side, activate: true);
            }

            var depthwise = new CanonicalDepthwiseConvolution(state, $"{prefix}.{unit}.0", block.Expanded, side, side, 3, block.Stride, 1);
            body.Add(depthwise);
            side = depthwise.OutputHeight;
            AddNormActivation(body, state, $"{prefix}.{unit++}.1", block.Expanded, side * side, activate: true);
            body.Add(new CanonicalConvolution(state, $"{prefix}.{unit}.0", block.Expanded, side, side, block.Out, 1, bias: false));
            AddNormActivation(body, state, $"{prefix}.{unit}.1", block.Out, side * side, activate: false);
            if (block.Shortcut)
            {
                layers.Add(new CanonicalResidual(body));
            }
            else
            {
                layers.AddRange(body);
            }
        }

        string head = $"features.{_blocks.Length + 1}";
        int last = _blocks[^1].Out;
        layers.Add(new CanonicalConvolution(state, head + ".0", last, side, side, HeadWidth, 1, bias: false));
        AddNormActivation(layers, state, head + ".1", HeadWidth, side * side, activate: true);
        layers.Add(new CanonicalGlobalAveragePool(HeadWidth, side * side));
        layers.Add(new CanonicalLinear(state, "classifier.3", HeadWidth, Classes));
        return new CanonicalNetwork(InputChannels * ImageSize * ImageSize, Classes, layers);
    }

    // Block b is features.(b + 1); a block with a shortcut is a Residual whose body is its child "body".
    private string BlockPrefix(int b) => _blocks[b].Shortcut ? $"features.{b + 1}.body" : $"features.{b + 1}";

    private static void AddNormActivation(List<ICanonicalLayer> layers, IReadOnlyDictionary<string, Tensor> state, string name, int channels, int pixels, bool activate)
    {
        layers.Add(new CanonicalBatchNorm(state, name, channels, pixels));
        if (activate)
        {
            layers.Add(new CanonicalRelu6(channels * pixels));
        }
    }

    private readonly record struct Block(int In, int Expanded, int Out, int Stride, bool Shortcut);
}
