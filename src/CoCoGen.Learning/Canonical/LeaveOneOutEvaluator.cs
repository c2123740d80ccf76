using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// The measurements of record for one round: L, the canonical score of the FedAvg of all n accepted updates,
/// and L(−i), the score of the FedAvg of the other n − 1 (renormalised over their own sample counts; the
/// global state before the round when i was the only one). Each of the n + 1 aggregates is summed directly
/// by <see cref="CanonicalFederatedAveraging"/> (n² update reads of the state, ≈ 0.6 M float64 multiply-adds
/// per update for LeNet-5: small beside the n + 1 evaluations) and scored by a
/// <see cref="CanonicalEvaluator"/>. One working state is allocated here and reused.
/// </summary>
public sealed class LeaveOneOutEvaluator
{
    private readonly CanonicalEvaluator _evaluator;
    private readonly Dictionary<string, Tensor> _without;

    /// <summary>Prepares the evaluator and the working state.</summary>
    /// <param name="evaluator">Scores states on the round's validation subset.</param>
    public LeaveOneOutEvaluator(CanonicalEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
        _without = CreateState(evaluator.Architecture);
    }

    /// <summary>Zero tensors named and shaped as <paramref name="architecture"/>'s state (a destination for the aggregate).</summary>
    /// <param name="architecture">The network.</param>
    public static Dictionary<string, Tensor> CreateState(ICanonicalClassifier architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return architecture.StateLayout.ToDictionary(t => t.Name, t => new Tensor(t.Shape), StringComparer.Ordinal);
    }

    /// <summary>Computes and scores the round's aggregate and every leave-one-out aggregate.</summary>
    /// <param name="global">The state before the round.</param>
    /// <param name="updates">The n ≥ 1 accepted updates in ascending ordinal organization order, with verified sample counts.</param>
    /// <param name="aggregate">Receives the FedAvg of all updates (the state after the round); shaped like <see cref="CreateState"/>.</param>
    /// <param name="leaveOneOut">n scores, overwritten: entry i is L(−i).</param>
    /// <returns>L, the score of <paramref name="aggregate"/>.</returns>
    public CanonicalScore Evaluate(IReadOnlyDictionary<string, Tensor> global, IReadOnlyList<ModelUpdate> updates, IReadOnlyDictionary<string, Tensor> aggregate, Span<CanonicalScore> leaveOneOut)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            throw new ArgumentException("A round needs at least one accepted update to measure.", nameof(updates));
        }

        if (leaveOneOut.Length != updates.Count)
        {
            throw new ArgumentException($"{updates.Count} updates need {updates.Count} leave-one-out scores; the destination holds {leaveOneOut.Length}.", nameof(leaveOneOut));
        }

        CanonicalFederatedAveraging.Aggregate(updates, -1, global, aggregate);
        CanonicalScore all = _evaluator.Evaluate(aggregate);
        for (int i = 0; i < updates.Count; i++)
        {
            CanonicalFederatedAveraging.Aggregate(updates, i, global, _without);
            leaveOneOut[i] = _evaluator.Evaluate(_without);
        }

        return all;
    }

    /// <summary>
    /// Scores the FedAvg of a coalition of the round's updates (a Shapley sample's v(S)); the empty coalition scores
    /// the state before the round.
    /// </summary>
    /// <param name="global">The state before the round.</param>
    /// <param name="updates">The accepted updates in ascending ordinal organization order.</param>
    /// <param name="members">Bit k set: update k is in the coalition.</param>
    public CanonicalScore EvaluateCoalition(IReadOnlyDictionary<string, Tensor> global, IReadOnlyList<ModelUpdate> updates, ulong members)
    {
        CanonicalFederatedAveraging.AggregateCoalition(updates, members, global, _without);
        return _evaluator.Evaluate(_without);
    }
}
