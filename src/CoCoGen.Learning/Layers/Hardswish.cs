using CoCoGen.Learning.Kernels;

namespace CoCoGen.Learning.Layers;

/// <summary>x · relu6(x + 3) / 6, pointwise.</summary>
public sealed class Hardswish : Activation
{
    /// <summary>Creates the layer.</summary>
    public Hardswish()
        : base(ActivationKind.Hardswish)
    {
    }
}
