using System.Numerics;
using System.Runtime.InteropServices;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// FedAvg of record. Updates must come in strictly ascending ordinal order of organization name, which is
/// the summation order. With S the set of included updates and N = Σ_{k∈S} nₖ (an exact integer sum), every
/// element is defined as acc = 0.0; for k in S in that order: acc = acc + cₖ·(double)θₖ[e] with
/// cₖ = (double)nₖ / (double)N, each product and sum rounded to float64 separately (no FMA); the result is
/// (float)acc. SIMD runs across elements only, so lane width does not change a bit. A leave-one-out aggregate
/// is the same definition over S = all but one, computed directly: "total minus one update" is not the same
/// sum in floating point and would not match an auditor who sums the subset.
/// </summary>
public static class CanonicalFederatedAveraging
{
    /// <summary>Largest number of updates a coalition mask can name.</summary>
    public const int MaxUpdates = 64;

    private const int BlockLength = 512;

    /// <summary>Writes the FedAvg of all updates but <paramref name="excluded"/> into <paramref name="destination"/>.</summary>
    /// <param name="updates">The accepted updates in ascending organization order, positive sample counts.</param>
    /// <param name="excluded">Index of the update left out, or −1 for none.</param>
    /// <param name="global">The state before the round: the aggregate when no update remains.</param>
    /// <param name="destination">Tensors named and shaped like <paramref name="global"/>, overwritten.</param>
    public static void Aggregate(IReadOnlyList<ModelUpdate> updates, int excluded, IReadOnlyDictionary<string, Tensor> global, IReadOnlyDictionary<string, Tensor> destination)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentOutOfRangeException.ThrowIfLessThan(excluded, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(excluded, updates.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(updates.Count, MaxUpdates, nameof(updates));
        ulong all = updates.Count == MaxUpdates ? ulong.MaxValue : (1UL << updates.Count) - 1;
        AggregateCoalition(updates, excluded < 0 ? all : all & ~(1UL << excluded), global, destination);
    }

    /// <summary>
    /// Writes the FedAvg of the coalition <paramref name="members"/> (bit k set: update k included) into
    /// <paramref name="destination"/>; the empty coalition gives <paramref name="global"/>. Same definition as
    /// <see cref="Aggregate"/>: S is the set of included updates, summed in ascending organization order.
    /// </summary>
    /// <param name="updates">The accepted updates in ascending organization order, positive sample counts (at most 64).</param>
    /// <param name="members">The coalition as a bit mask over <paramref name="updates"/>.</param>
    /// <param name="global">The state before the round.</param>
    /// <param name="destination">Tensors named and shaped like <paramref name="global"/>, overwritten.</param>
    public static void AggregateCoalition(IReadOnlyList<ModelUpdate> updates, ulong members, IReadOnlyDictionary<string, Tensor> global, IReadOnlyDictionary<string, Tensor> destination)
    {
        RequireConsistent(updates, global, destination);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(updates.Count, MaxUpdates, nameof(updates));
        if (updates.Count < MaxUpdates && members >> updates.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(members), $"The coalition names updates beyond the {updates.Count} given.");
        }

        long total = 0;
        for (int k = 0; k < updates.Count; k++)
        {
            total += Includes(members, k) ? updates[k].SampleCount : 0;
        }

        Span<double> coefficients = stackalloc double[updates.Count];
        for (int k = 0; k < updates.Count; k++)
        {
            coefficients[k] = Includes(members, k) ? (double)updates[k].SampleCount / total : 0;
        }

        Span<double> sums = stackalloc double[BlockLength];
        foreach ((string name, Tensor target) in destination)
        {
            if (total == 0)
            {
                global[name].Span.CopyTo(target.Span);
                continue;
            }

            for (int start = 0; start < target.Length; start += BlockLength)
            {
                int length = Math.Min(BlockLength, target.Length - start);
                Span<double> block = sums[..length];
                block.Clear();
                for (int k = 0; k < updates.Count; k++)
                {
                    if (Includes(members, k))
                    {
                        AddScaled(block, coefficients[k], updates[k].State[name].Span.Slice(start, length));
                    }
                }

                Narrow(block, target.Span.Slice(start, length));
            }
        }
    }

    private static bool Includes(ulong members, int k) => ((members >> k) & 1) != 0;

    /// <summary>Checks order, counts, names and shapes; throws naming the organization and tensor at fault.</summary>
    /// <param name="updates">The updates.</param>
    /// <param name="global">The state before the round.</param>
    /// <param name="destination">The aggregate's tensors.</param>
    public static void RequireConsistent(IReadOnlyList<ModelUpdate> updates, IReadOnlyDictionary<string, Tensor> global, IReadOnlyDictionary<string, Tensor> destination)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(destination);
        long total = 0;
        for (int k = 0; k < updates.Count; k++)
        {
            ModelUpdate update = updates[k];
            if (k > 0 && string.CompareOrdinal(updates[k - 1].Organization, update.Organization) >= 0)
            {
                throw new ArgumentException($"Update {k} from '{update.Organization}' follows '{updates[k - 1].Organization}'; canonical FedAvg sums in strictly ascending ordinal organization order.", nameof(updates));
            }

            if (update.SampleCount <= 0)
            {
                throw new ArgumentException($"Update from '{update.Organization}' has sample count {update.SampleCount}; it must be positive.", nameof(updates));
            }

            total += update.SampleCount;
            if (total > (1L << 53))
            {
                throw new ArgumentException("The sample counts sum past 2⁵³, where float64 stops being exact.", nameof(updates));
            }

            RequireSameTensors(update.State, destination, $"update from '{update.Organization}'");
        }

        RequireSameTensors(global, destination, "the global state");
    }

    private static void RequireSameTensors(IReadOnlyDictionary<string, Tensor> state, IReadOnlyDictionary<string, Tensor> destination, string who)
    {
        if (state.Count != destination.Count)
        {
            throw new ArgumentException($"The {who} has {state.Count} tensors; the aggregate has {destination.Count}.", nameof(state));
        }

        foreach ((string name, Tensor target) in destination)
        {
            if (!state.TryGetValue(name, out Tensor? tensor))
            {
                throw new ArgumentException($"The {who} lacks tensor '{name}'.", nameof(state));
            }

            if (!tensor.HasShape(target.Shape))
            {
                throw new ArgumentException($"Tensor '{name}' of the {who} has shape {tensor.ShapeText}; the aggregate's is {target.ShapeText}.", nameof(state));
            }
        }
    }

    // sums[e] = sums[e] + c·(double)values[e], product and sum rounded separately.
    private static void AddScaled(Span<double> sums, double coefficient, ReadOnlySpan<float> values)
    {
        int e = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Span<Vector<double>> wide = MemoryMarshal.Cast<double, Vector<double>>(sums);
            var scale = new Vector<double>(coefficient);
            for (int v = 0; e <= values.Length - Vector<float>.Count; e += Vector<float>.Count, v += 2)
            {
                Vector.Widen(new Vector<float>(values[e..]), out Vector<double> low, out Vector<double> high);
                wide[v] = Vector.Add(wide[v], Vector.Multiply(scale, low));
                wide[v + 1] = Vector.Add(wide[v + 1], Vector.Multiply(scale, high));
            }
        }

        for (; e < values.Length; e++)
        {
            sums[e] = sums[e] + (coefficient * values[e]);
        }
    }

    private static void Narrow(ReadOnlySpan<double> sums, Span<float> target)
    {
        for (int e = 0; e < sums.Length; e++)
        {
            target[e] = (float)sums[e];
        }
    }
}
