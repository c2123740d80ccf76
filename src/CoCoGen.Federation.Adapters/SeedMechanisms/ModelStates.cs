using CoCoGen.Learning.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>Arithmetic on model states (tensors by name) that the seed mechanisms need beyond FedAvg.</summary>
public static class ModelStates
{
    /// <summary>The plain average (1/|X|)·Σ_j θ_j of states with the same names and shapes (FedBR-Shap's θ_X).</summary>
    public static Dictionary<string, Tensor> Average(IReadOnlyList<IReadOnlyDictionary<string, Tensor>> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return WeightedAverage(states, [.. Enumerable.Repeat(1.0, states.Count)]);
    }

    /// <summary>Σ_j w_j θ_j / Σ_j w_j (FedAvg weighted by contributed samples, TradeFL's Eq. 3).</summary>
    public static Dictionary<string, Tensor> WeightedAverage(IReadOnlyList<IReadOnlyDictionary<string, Tensor>> states, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(weights);
        if (states.Count == 0)
        {
            throw new ArgumentException("cannot average zero states.", nameof(states));
        }

        double total = weights.Sum();
        if (weights.Count != states.Count || weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || !(total > 0))
        {
            throw new ArgumentException($"weights: need {states.Count} finite non-negative weights with a positive sum.", nameof(weights));
        }

        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach ((string name, Tensor first) in states[0])
        {
            var sum = new Tensor(first.Shape.ToArray());
            Span<float> target = sum.Span;
            for (int j = 0; j < states.Count; j++)
            {
                TensorPrimitives.MultiplyAdd(Tensor(states[j], name, first).Span, (float)(weights[j] / total), target, target);
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
            var point = new Tensor(start.Shape.ToArray());
            TensorPrimitives.Subtract(Tensor(to, name, start).Span, start.Span, point.Span);
            TensorPrimitives.MultiplyAdd(point.Span, a, start.Span, point.Span);

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
