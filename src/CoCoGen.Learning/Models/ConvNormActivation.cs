using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Models;

/// <summary>The convolution → batch norm → activation unit of MobileNet and ResNet (torchvision's Conv2dNormActivation).</summary>
public static class ConvNormActivation
{
    /// <summary>Builds the unit: a bias-free convolution with "same" padding, batch norm, then the activation if any.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernelSize">Kernel side (odd).</param>
    /// <param name="stride">Step.</param>
    /// <param name="activation">The nonlinearity, or null for none (linear bottlenecks).</param>
    /// <param name="random">Seeded source for the weights.</param>
    /// <param name="groups">Channel groups (= channels for depthwise).</param>
    public static Sequential Create(int inChannels, int outChannels, int kernelSize, int stride, ActivationKind? activation, RandomSource random, int groups = 1)
    {
        var unit = new Sequential(
            new Conv2d(inChannels, outChannels, kernelSize, random, stride, padding: (kernelSize - 1) / 2, groups: groups, bias: false),
            new BatchNorm2d(outChannels));
        if (activation is ActivationKind kind)
        {
            unit.Add(new Activation(kind));
        }

        return unit;
    }
}
