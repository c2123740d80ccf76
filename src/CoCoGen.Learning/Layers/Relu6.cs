using CoCoGen.Learning.Kernels;

namespace CoCoGen.Learning.Layers;

/// <summary>min(max(x, 0), 6), pointwise.</summary>
public sealed class Relu6 : Activation
{
    /// <summary>Creates the layer.</summary>
    public Relu6()
        : base(ActivationKind.Relu6)
    {
    }
}
