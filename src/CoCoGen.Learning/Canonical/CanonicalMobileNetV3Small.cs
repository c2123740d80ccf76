using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Canonical form of <see cref="MobileNetV3Small"/> in evaluation mode, over the same state names and shapes: the
/// stem (3×3 convolution · batch norm · hardswish; stride 1 for images of at most
/// <see cref="MobileNetV3Small.SmallImageLimit"/> pixels), the eleven bottlenecks of the paper's table 2 (1×1
/// expansion · batch norm · activation when the width grows, k×k depthwise · batch norm · activation,
/// squeeze-excitation where the table says so, 1×1 projection · batch norm, plus the input when the stride is 1 and
/// the width is kept), the 1×1 convolution to 576 · batch norm · hardswish, global average pooling, linear 576 → 1024
/// · hardswish, linear to the classes (dropout is the identity in evaluation). Activations are ReLU
/// (<see cref="CanonicalRelu"/>) or <see cref="CanonicalHardswish"/> as the table gives them. Batch norm is folded at
/// bind (<see cref="CanonicalBatchNorm"/>): bind again after the state changes.
/// </summary>
public sealed class CanonicalMobileNetV3Small : ICanonicalClassifier
{
    private const int StemWidth = 16;
    private const int LastWidth = 576;
    private const int HiddenWidth = 1024;

    private readonly int _stemStride;

    /// <summary>Describes the network.</summary>
    /// <param name="inputChannels">At least 1 (1 for Fashion-MNIST).</param>
    /// <param name="imageSize">At least 16.</param>
    /// <param name="classes">At least 2.</param>
    public CanonicalMobileNetV3Small(int inputChannels, int imageSize, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputChannels);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        InputChannels = inputChannels;
        ImageSize = imageSize;
        Classes = classes;
        _stemStride = imageSize <= MobileNetV3Small.SmallImageLimit ? 1 : 2;
        var layout = new List<(string Name, int[] Shape)>();
        CanonicalConvolutionNormUnit.AppendState(layout, "features.0", [StemWidth, inputChannels, 3, 3]);
        int width = StemWidth;
        for (int b = 0; b < MobileNetV3Small.Bottlenecks.Length; b++)
        {
            var block = MobileNetV3Small.Bottlenecks[b];
            string prefix = BlockPrefix(b, width);
            int unit = 0;
            if (block.Expanded != width)
            {
                CanonicalConvolutionNormUnit.AppendState(layout, $"{prefix}.{unit++}", [block.Expanded, width, 1, 1]);
            }

            CanonicalConvolutionNormUnit.AppendState(layout, $"{prefix}.{unit++}", [block.Expanded, 1, block.Kernel, block.Kernel]);
            if (block.SqueezeExcite)
            {
                int squeeze = InvertedResidual.MakeDivisible(block.Expanded / 4);
                layout.Add(($"{prefix}.{unit}.fc1.weight", [squeeze, block.Expanded, 1, 1]));
                layout.Add(($"{prefix}.{unit}.fc1.bias", [squeeze]));
                layout.Add(($"{prefix}.{unit}.fc2.weight", [block.Expanded, squeeze, 1, 1]));
                layout.Add(($"{prefix}.{unit++}.fc2.bias", [block.Expanded]));
            }

            CanonicalConvolutionNormUnit.AppendState(layout, $"{prefix}.{unit}", [block.Out, block.Expanded, 1, 1]);
            width = block.Out;
        }

        CanonicalConvolutionNormUnit.AppendState(layout, $"features.{MobileNetV3Small.Bottlenecks.Length + 1}", [LastWidth, width, 1, 1]);
        layout.Add(("classifier.2.weight", [HiddenWidth, LastWidth]));
        layout.Add(("classifier.2.bias", [HiddenWidth]));
        layout.Add(("classifier.5.weight", [classes, HiddenWidth]));
        layout.Add(("classifier.5.bias", [classes]));
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

    /// <inheritdoc />
    public CanonicalNetwork Bind(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var layers = new List<ICanonicalLayer>();
        var stem = new CanonicalConvolution(state, "features.0.0", InputChannels, ImageSize, ImageSize, StemWidth, 3, _stemStride, 1, bias: false);
        int side = stem.OutputHeight;
        layers.Add(stem);
        AddNormActivation(layers, state, "features.0.1", StemWidth, side * side, hardswish: true);
        int width = StemWidth;
        for (int b = 0; b < MobileNetV3Small.Bottlenecks.Length; b++)
        {
            var block = MobileNetV3Small.Bottlenecks[b];
            string prefix = BlockPrefix(b, width);
            var body = new List<ICanonicalLayer>();
            int unit = 0;
            if (block.Expanded != width)
            {
                body.Add(new CanonicalConvolution(state, $"{prefix}.{unit}.0", width, side, side, block.Expanded, 1, bias: false));
                AddNormActivation(body, state, $"{prefix}.{unit++}.1", block.Expanded, side * side, block.Activation == ActivationKind.Hardswish);
            }

            var depthwise = new CanonicalDepthwiseConvolution(state, $"{prefix}.{unit}.0", block.Expanded, side, side, block.Kernel, block.Stride, (block.Kernel - 1) / 2);
            body.Add(depthwise);
            side = depthwise.OutputHeight;
            AddNormActivation(body, state, $"{prefix}.{unit++}.1", block.Expanded, side * side, block.Activation == ActivationKind.Hardswish);
            if (block.SqueezeExcite)
            {
                body.Add(new CanonicalSqueezeExcitation(state, $"{prefix}.{unit++}", block.Expanded, InvertedResidual.MakeDivisible(block.Expanded / 4), side * side));
            }

            body.Add(new CanonicalConvolution(state, $"{prefix}.{unit}.0", block.Expanded, side, side, block.Out, 1, bias: false));
            body.Add(new CanonicalBatchNorm(state, $"{prefix}.{unit}.1", block.Out, side * side));
            if (Shortcut(b, width))
            {
                layers.Add(new CanonicalResidual(body));
            }
            else
            {
                layers.AddRange(body);
            }

            width = block.Out;
        }

        string head = $"features.{MobileNetV3Small.Bottlenecks.Length + 1}";
        layers.Add(new CanonicalConvolution(state, head + ".0", width, side, side, LastWidth, 1, bias: false));
        AddNormActivation(layers, state, head + ".1", LastWidth, side * side, hardswish: true);
        layers.Add(new CanonicalGlobalAveragePool(LastWidth, side * side));
        layers.Add(new CanonicalLinear(state, "classifier.2", LastWidth, HiddenWidth));
        layers.Add(new CanonicalHardswish(HiddenWidth));
        layers.Add(new CanonicalLinear(state, "classifier.5", HiddenWidth, Classes));
        return new CanonicalNetwork(InputChannels * ImageSize * ImageSize, Classes, layers);
    }

    private static bool Shortcut(int b, int inWidth) => MobileNetV3Small.Bottlenecks[b].Stride == 1 && MobileNetV3Small.Bottlenecks[b].Out == inWidth;

    // Block b is features.(b + 1); a block with a shortcut is a Residual whose body is its child "body".
    private static string BlockPrefix(int b, int inWidth) => Shortcut(b, inWidth) ? $"features.{b + 1}.body" : $"features.{b + 1}";

    private static void AddNormActivation(List<ICanonicalLayer> layers, IReadOnlyDictionary<string, Tensor> state, string name, int channels, int pixels, bool hardswish)
    {
        layers.Add(new CanonicalBatchNorm(state, name, channels, pixels));
        layers.Add(hardswish ? new CanonicalHardswish(channels * pixels) : new CanonicalRelu(channels * pixels));
    }
}
