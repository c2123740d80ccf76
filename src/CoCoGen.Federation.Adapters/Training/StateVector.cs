using CoCoGen.Federation.Ports;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.Adapters.Training;

/// <summary>Moves a model's state tensors (parameters and buffers, in the model's order) to and from one flat vector.</summary>
internal static class StateVector
{
    public static ModelWeights Read(IEnumerable<(string Name, Tensor Tensor)> state)
    {
        var tensors = state.Select(s => s.Tensor).ToArray();
        var values = new float[tensors.Sum(t => t.Length)];
        var offset = 0;
        foreach (var tensor in tensors)
        {
            tensor.Span.CopyTo(values.AsSpan(offset));
            offset += tensor.Length;
        }

        return new ModelWeights(values);
    }

    public static void Write(IEnumerable<(string Name, Tensor Tensor)> state, ModelWeights weights)
    {
        var tensors = state.ToArray();
        var expected = tensors.Sum(t => t.Tensor.Length);
        if (weights.Count != expected)
        {
            throw new ArgumentException($"weights hold {weights.Count} values, the model's {tensors.Length} state tensors need {expected}", nameof(weights));
        }

        var offset = 0;
        foreach (var (_, tensor) in tensors)
        {
            weights.Values.Slice(offset, tensor.Length).CopyTo(tensor.Span);
            offset += tensor.Length;
        }
    }

    /// <summary>Writes the vector into a backend's state (a copy or the live tensors) and hands it back to the backend.</summary>
    public static void Load(IReadOnlyList<(string Name, Tensor Tensor)> state, ModelWeights weights, Action<IReadOnlyDictionary<string, Tensor>> load)
    {
        Write(state, weights);
        load(state.ToDictionary(s => s.Name, s => s.Tensor));
    }
}
