using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Optimizers;

namespace CoCoGen.Learning.Backends;

/// <summary>The engine's optimizer for a set of <see cref="OptimizerSettings"/>.</summary>
internal static class NativeOptimizers
{
    public static Optimizer Create(IEnumerable<Parameter> parameters, OptimizerSettings settings, IComputeBackend compute) => settings.Kind switch
    {
        OptimizerKind.Sgd => new Sgd(parameters, settings.LearningRate, settings.Momentum, settings.WeightDecay, settings.Nesterov, compute),
        OptimizerKind.Adam => new Adam(parameters, settings.LearningRate, weightDecay: settings.WeightDecay, backend: compute),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown optimizer."),
    };
}
