using CoCoGen.Learning.Kernels;

namespace CoCoGen.Learning.Layers;

/// <summary>1 / (1 + e^(−x)), pointwise.</summary>
public sealed class Sigmoid : Activation
{
    /// <summary>Creates the layer.</summary>
    public Sigmoid()
        : base(ActivationKind.Sigmoid)
    {
    }
}
