namespace CoCoGen.Learning.Backends;

/// <summary>An optimizer and its settings, in PyTorch's definitions (so every backend applies the same update).</summary>
/// <param name="Kind">SGD or Adam.</param>
/// <param name="LearningRate">Step size.</param>
/// <param name="Momentum">SGD momentum (0: none).</param>
/// <param name="WeightDecay">L2 penalty added to the gradient.</param>
/// <param name="Nesterov">SGD with Nesterov momentum.</param>
public sealed record OptimizerSettings(OptimizerKind Kind, float LearningRate, float Momentum = 0, float WeightDecay = 0, bool Nesterov = false)
{
    /// <summary>SGD with optional momentum.</summary>
    /// <param name="learningRate">Step size.</param>
    /// <param name="momentum">Momentum.</param>
    public static OptimizerSettings Sgd(float learningRate, float momentum = 0) => new(OptimizerKind.Sgd, learningRate, momentum);

    /// <summary>Adam with β = (0.9, 0.999), ε = 1e-8.</summary>
    /// <param name="learningRate">Step size.</param>
    public static OptimizerSettings Adam(float learningRate) => new(OptimizerKind.Adam, learningRate);
}
