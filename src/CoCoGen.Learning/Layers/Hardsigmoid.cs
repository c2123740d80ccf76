using CoCoGen.Learning.Kernels;

namespace CoCoGen.Learning.Layers;

/// <summary>relu6(x + 3) / 6, pointwise.</summary>
public sealed class Hardsigmoid : Activation
{
    /// <summary>Creates the layer.</summary>
    public Hardsigmoid()
        : base(ActivationKind.Hardsigmoid)
    {
    }
}
