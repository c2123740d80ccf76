namespace CoCoGen.Learning.Canonical;

/// <summary>
/// The state of a MobileNet convolution → batch norm unit (the engine's ConvNormActivation, children "0" and "1"):
/// the bias-free convolution's weight, then the norm's γ, β, μ, σ², in the engine's parameters-then-buffers order.
/// </summary>
internal static class CanonicalConvolutionNormUnit
{
    /// <summary>Appends the unit's tensors to a state layout.</summary>
    /// <param name="layout">The layout being built.</param>
    /// <param name="prefix">The unit's name, e.g. "features.0".</param>
    /// <param name="convolution">The convolution weight's shape; its first dimension is the norm's channel count.</param>
    public static void AppendState(List<(string Name, int[] Shape)> layout, string prefix, int[] convolution)
    {
        int channels = convolution[0];
        layout.Add(($"{prefix}.0.weight", convolution));
        layout.Add(($"{prefix}.1.weight", [channels]));
        layout.Add(($"{prefix}.1.bias", [channels]));
        layout.Add(($"{prefix}.1.running_mean", [channels]));
        layout.Add(($"{prefix}.1.running_var", [channels]));
    }
}
