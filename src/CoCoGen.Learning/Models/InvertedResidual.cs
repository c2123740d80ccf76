using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Models;

/// <summary>
/// The MobileNet inverted-residual bottleneck: 1×1 expansion, k×k depthwise convolution, optional
/// squeeze-and-excitation, linear 1×1 projection; an identity shortcut when stride is 1 and the width is kept.
/// MobileNetV2 uses it with ReLU6 and no SE, MobileNetV3 with ReLU or hardswish and SE on some blocks.
/// </summary>
public static class InvertedResidual
{
    /// <summary>Builds one block.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="expandedChannels">Width of the depthwise stage; no expansion layer when equal to the input.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernelSize">Depthwise kernel side.</param>
    /// <param name="stride">Depthwise step.</param>
    /// <param name="squeezeExcite">Whether to insert squeeze-and-excitation after the depthwise stage.</param>
    /// <param name="activation">Nonlinearity of the expansion and depthwise stages.</param>
    /// <param name="random">Seeded source for the weights.</param>
    public static Layer Create(int inChannels, int expandedChannels, int outChannels, int kernelSize, int stride, bool squeezeExcite, ActivationKind activation, RandomSource random)
    {
        var body = new Sequential();
        if (expandedChannels != inChannels)
        {
            body.Add(ConvNormActivation.Create(inChannels, expandedChannels, 1, 1, activation, random));
        }

        body.Add(ConvNormActivation.Create(expandedChannels, expandedChannels, kernelSize, stride, activation, random, groups: expandedChannels));
        if (squeezeExcite)
        {
            body.Add(new SqueezeExcitation(expandedChannels, MakeDivisible(expandedChannels / 4), random));
        }

        body.Add(ConvNormActivation.Create(expandedChannels, outChannels, 1, 1, activation: null, random));
        return stride == 1 && inChannels == outChannels ? new Residual(body) : body;
    }

    /// <summary>Rounds a width to a multiple of 8, never below 90% of it (the MobileNet convention).</summary>
    /// <param name="channels">The width.</param>
    public static int MakeDivisible(int channels)
    {
        const int divisor = 8;
        int rounded = Math.Max(divisor, (channels + divisor / 2) / divisor * divisor);
        return rounded < 0.9 * channels ? rounded + divisor : rounded;
    }
}
