namespace CoCoGen.Learning.Kernels;

/// <summary>The pointwise nonlinearities the engine implements as fused kernels.</summary>
public enum ActivationKind
{
    /// <summary>max(x, 0).</summary>
    Relu,

    /// <summary>min(max(x, 0), 6).</summary>
    Relu6,

    /// <summary>x · relu6(x + 3) / 6.</summary>
    Hardswish,

    /// <summary>relu6(x + 3) / 6.</summary>
    Hardsigmoid,

    /// <summary>1 / (1 + e^(−x)).</summary>
    Sigmoid,
}
