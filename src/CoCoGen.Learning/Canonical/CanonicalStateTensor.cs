using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>Looks up a named state tensor and checks its shape, naming both in the error.</summary>
internal static class CanonicalStateTensor
{
    public static Tensor Require(IReadOnlyDictionary<string, Tensor> state, string name, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryGetValue(name, out Tensor? tensor))
        {
            throw new ArgumentException($"The model state lacks tensor '{name}'.", nameof(state));
        }

        if (!tensor.HasShape(shape))
        {
            throw new ArgumentException($"Tensor '{name}' has shape {tensor.ShapeText}; the canonical model needs [{string.Join(", ", shape)}].", nameof(state));
        }

        return tensor;
    }
}
