using CoCoGen.Learning.Kernels;

namespace CoCoGen.Learning.Layers;

/// <summary>max(x, 0), pointwise.</summary>
public sealed class Relu : Activation
{
    /// <summary>Creates the layer.</summary>
    public Relu()
        : base(ActivationKind.Relu)
    {
    }
}
