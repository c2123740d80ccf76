using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Torch.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace CoCoGen.Learning.Torch;

/// <summary>
/// Builds the TorchSharp module of an engine layer tree: the same layers, the same child names (so the same
/// state-dict names), torch's kernels. Composites whose forward pass runs their children in order (Sequential,
/// LeNet5, the ImageClassifier models) become nn.Sequential; Residual and SqueezeExcitation have their own modules.
/// </summary>
internal static class TorchModules
{
    public static nn.Module<Tensor, Tensor> From(Layer layer) => layer switch
    {
        Sequential or LeNet5 or ImageClassifier => nn.Sequential(layer.Children.Select(c => (c.Name, From(c.Layer))).ToArray()),
        Residual residual => new ResidualModule(From(Child(residual, "body")), residual.Children.Any(c => c.Name == "shortcut") ? From(Child(residual, "shortcut")) : null),
        SqueezeExcitation se => new SqueezeExcitationModule(From(Child(se, "fc1")), From(Child(se, "fc2"))),
        Conv2d c => nn.Conv2d(c.InChannels, c.OutChannels, c.KernelSize, stride: c.Stride, padding: c.Padding, groups: c.Groups, bias: HasBias(c)),
        ConvTranspose2d t => nn.ConvTranspose2d(t.InChannels, t.OutChannels, t.KernelSize, stride: t.Stride, padding: t.Padding, output_padding: t.OutputPadding, bias: HasBias(t)),
        Linear l => nn.Linear(l.InFeatures, l.OutFeatures, hasBias: HasBias(l)),
        BatchNorm2d b => nn.BatchNorm2d(b.Channels, eps: b.Epsilon, momentum: b.Momentum),
        Activation a => a.Kind switch
        {
            ActivationKind.Relu => nn.ReLU(),
            ActivationKind.Relu6 => nn.ReLU6(),
            ActivationKind.Hardswish => nn.Hardswish(),
            ActivationKind.Hardsigmoid => nn.Hardsigmoid(),
            ActivationKind.Sigmoid => nn.Sigmoid(),
            _ => throw Unsupported(layer, $"activation {a.Kind}"),
        },
        MaxPool2d m => nn.MaxPool2d(m.KernelSize, m.Stride, m.Padding),
        AvgPool2d p => nn.AvgPool2d(p.KernelSize, p.Stride, p.Padding),
        AdaptiveAvgPool2d p => nn.AdaptiveAvgPool2d([p.OutputHeight, p.OutputWidth]),
        Dropout d => nn.Dropout(d.Probability),
        Flatten => nn.Flatten(),
        _ => throw Unsupported(layer, "this layer"),
    };

    private static Layer Child(Layer layer, string name) => layer.Children.First(c => c.Name == name).Layer;

    private static bool HasBias(Layer layer) => layer.Parameters().Any(p => p.Name == "bias");

    private static NotSupportedException Unsupported(Layer layer, string what)
        => new($"The torch backend has no translation of {what} ({layer.GetType().Name}).");
}
