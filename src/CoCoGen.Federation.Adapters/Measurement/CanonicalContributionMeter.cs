using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Ports;
using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Tensors;
using CoCoGen.Mechanism.ReciprocalFairness;

namespace CoCoGen.Federation.Adapters.Measurement;

/// <summary>
/// Contributions of record with the canonical evaluator: the same FedAvg and inference (the run's model in its canonical form) on every machine, so
/// a member or an auditor who builds its own meter from the same pool and evidence gets the coordinator's figures
/// bit for bit. Shares no state with the training engine, and one meter shares none with another.
/// </summary>
public sealed class CanonicalContributionMeter : IContributionMeter
{
    private readonly ValidationPool _pool;
    private readonly ICanonicalClassifier _architecture;
    private readonly int _threads;

    /// <summary>Creates a meter scoring the architecture's states on subsets drawn from <paramref name="pool"/>.</summary>
    /// <param name="pool">The validation pool.</param>
    /// <param name="architecture">The classifier's canonical form.</param>
    /// <param name="subsetSize">Images per round's subset.</param>
    /// <param name="threads">Evaluation threads (changes the time, never the bits).</param>
    public CanonicalContributionMeter(ValidationPool pool, ICanonicalClassifier architecture, int subsetSize, int threads)
    {
        _pool = pool ?? throw new ArgumentNullException(nameof(pool));
        _architecture = architecture ?? throw new ArgumentNullException(nameof(architecture));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subsetSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subsetSize, pool.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        SubsetSize = subsetSize;
        _threads = threads;
    }

    /// <inheritdoc/>
    public string PoolHash => _pool.Hash;

    /// <inheritdoc/>
    public int SubsetSize { get; }

    /// <inheritdoc/>
    public RoundMeasurement Measure(
        ReadOnlySpan<byte> validationSeed,
        ModelWeights before,
        IReadOnlyList<MeasuredUpdate> updates,
        ShapleySampling? shapley,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(updates);
        var validation = _pool.Draw(validationSeed, SubsetSize, out var subsetHash);
        var evaluator = new LeaveOneOutEvaluator(new CanonicalEvaluator(_architecture, validation, _threads));
        var start = State(before);
        var states = updates.Select(u => new ModelUpdate(u.Organization, State(u.Weights), u.Samples)).ToArray();
        var after = LeaveOneOutEvaluator.CreateState(_architecture);
        var without = new CanonicalScore[states.Length];
        cancellationToken.ThrowIfCancellationRequested();
        var all = evaluator.Evaluate(start, states, after, without);

        double[]? values = null;
        double[]? errors = null;
        if (shapley is not null)
        {
            // v(S) = L(∅) − L(S), so a marginal is the loss S ∪ {i} saves over S. Coalitions recur across
            // permutations; each is scored once.
            var scores = new Dictionary<long, double> { [0] = evaluator.EvaluateCoalition(start, states, 0).Loss };
            var allMembers = (1L << states.Length) - 1;
            scores[allMembers] = all.Loss;
            double Value(long members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!scores.TryGetValue(members, out var loss))
                {
                    loss = evaluator.EvaluateCoalition(start, states, (ulong)members).Loss;
                    scores[members] = loss;
                }

                return scores[0] - loss;
            }

            // R bounds one marginal only nominally (losses are not bounded); only the standard errors are recorded.
            var estimate = ShapleyValues.MonteCarlo(states.Length, Value, shapley.Permutations, shapley.Seed, marginalRange: 2 * Math.Log(_architecture.Classes));
            values = [.. estimate.Values];
            errors = [.. estimate.StandardErrors];
        }

        return new RoundMeasurement(
            Flatten(after),
            subsetHash,
            validation.Count,
            all.Loss,
            all.Accuracy,
            [.. without.Select(s => s.Loss)],
            values,
            errors);
    }

    // The flat vector is the model's state tensors back to back in their own order, which StateLayout repeats.
    private Dictionary<string, Tensor> State(ModelWeights weights)
    {
        var state = LeaveOneOutEvaluator.CreateState(_architecture);
        StateVector.Write(Ordered(state), weights);
        return state;
    }

    private ModelWeights Flatten(Dictionary<string, Tensor> state) => StateVector.Read(Ordered(state));

    private IEnumerable<(string Name, Tensor Tensor)> Ordered(Dictionary<string, Tensor> state) =>
        _architecture.StateLayout.Select(t => (t.Name, state[t.Name]));
}
