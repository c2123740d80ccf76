using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Federated;

/// <summary>
/// FedAvg (McMahan et al. 2017): the global state is the average of the organizations' states weighted by
/// their sample counts, w = Σ nₖ·wₖ / Σ nₖ, tensor by tensor (buffers such as BN running statistics included).
/// </summary>
public static class FederatedAveraging
{
    /// <summary>Aggregates the updates of one round.</summary>
    /// <param name="updates">At least one update; all with the same tensor names and shapes and positive sample counts.</param>
    /// <returns>New tensors holding the weighted average.</returns>
    public static Dictionary<string, Tensor> Aggregate(IReadOnlyList<ModelUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            throw new ArgumentException("FedAvg needs at least one update.", nameof(updates));
        }

        ModelUpdate reference = updates[0];
        double total = 0;
        foreach (ModelUpdate update in updates)
        {
            if (update.SampleCount <= 0)
            {
                throw new ArgumentException($"Update from '{update.Organization}' has sample count {update.SampleCount}; it must be positive.", nameof(updates));
            }

            if (update.State.Count != reference.State.Count)
            {
                throw new ArgumentException($"Update from '{update.Organization}' has {update.State.Count} tensors, '{reference.Organization}' has {reference.State.Count}.", nameof(updates));
            }

            total += update.SampleCount;
        }

        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach ((string name, Tensor first) in reference.State)
        {
            double[] sum = new double[first.Length];
            foreach (ModelUpdate update in updates)
            {
                if (!update.State.TryGetValue(name, out Tensor? tensor))
                {
                    throw new ArgumentException($"Update from '{update.Organization}' lacks tensor '{name}'.", nameof(updates));
                }

                if (!tensor.HasShape(first.Shape))
                {
                    throw new ArgumentException($"Tensor '{name}' from '{update.Organization}' has shape {tensor.ShapeText}, '{reference.Organization}' sent {first.ShapeText}.", nameof(updates));
                }

                double weight = update.SampleCount / total;
                ReadOnlySpan<float> values = tensor.Span;
                for (int i = 0; i < sum.Length; i++)
                {
                    sum[i] += weight * values[i];
                }
            }

            var averaged = new Tensor(first.Shape.ToArray());
            Span<float> target = averaged.Span;
            for (int i = 0; i < sum.Length; i++)
            {
                target[i] = (float)sum[i];
            }

            result.Add(name, averaged);
        }

        return result;
    }
}
