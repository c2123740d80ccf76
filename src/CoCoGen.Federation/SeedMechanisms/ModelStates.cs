using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.SeedMechanisms;

/// <summary>Arithmetic on model states (tensors by name) that the seed mechanisms need beyond FedAvg.</summary>
public static class ModelStates
{
    /// <summary>The plain average (1/|X|)·Σ_j θ_j of states with the same names and shapes (FedBR-Shap's θ_X).</summary>
    public static Dictionary<string, Tensor> Average(IReadOnlyList<IReadOnlyDictionary<string, Tensor>> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0)
        {
            throw new ArgumentException("cannot average zero states.", nameof(states));
        }

        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        float weight = 1f / states.Count;
        foreach ((string name, Tensor first) in states[0])
        {
            var sum = new Tensor(first.Shape.ToArray());
            Span<float> target = sum.Span;
            foreach (var state in states)
            {
                ReadOnlySpan<float> values = Tensor(state, name, first).Span;
                for (int k = 0; k < target.Length; k++)
                {
                    target[k] += weight * values[k];
                }
            }

            result.Add(name, sum);
        }

        return result;
    }

    /// <summary>θ_from + α·(θ_to − θ_from): a point on the segment between two states.</summary>
    public static Dictionary<string, Tensor> Interpolate(IReadOnlyDictionary<string, Tensor> from, IReadOnlyDictionary<string, Tensor> to, double alpha)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        float a = (float)alpha;
        foreach ((string name, Tensor start) in from)
        {
            ReadOnlySpan<float> end = Tensor(to, name, start).Span;
            var point = start.Clone();
            Span<float> target = point.Span;
            for (int k = 0; k < target.Length; k++)
            {
                target[k] += a * (end[k] - target[k]);
            }

            result.Add(name, point);
        }

        return result;
    }

    private static Tensor Tensor(IReadOnlyDictionary<string, Tensor> state, string name, Tensor like)
    {
        if (!state.TryGetValue(name, out var tensor) || !tensor.HasShape(like.Shape))
        {
            throw new ArgumentException($"states disagree on tensor '{name}' (missing or of another shape).");
        }

        return tensor;
    }
}
