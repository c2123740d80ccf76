using CoCoGen.Learning.Backends;
using TorchSharp;
using static TorchSharp.torch;

namespace CoCoGen.Learning.Torch;

/// <summary>torch.optim's optimizer for a set of <see cref="OptimizerSettings"/>.</summary>
internal static class TorchOptimizers
{
    public static optim.Optimizer Create(IEnumerable<TorchSharp.Modules.Parameter> parameters, OptimizerSettings settings) => settings.Kind switch
    {
        OptimizerKind.Sgd => optim.SGD(parameters, settings.LearningRate, settings.Momentum, weight_decay: settings.WeightDecay, nesterov: settings.Nesterov),
        OptimizerKind.Adam => optim.Adam(parameters, settings.LearningRate, weight_decay: settings.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown optimizer."),
    };
}
