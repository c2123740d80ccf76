using CoCoGen.Learning.Data;
using CoCoGen.Learning.Tensors;
using CoCoGen.Mechanism.ReciprocalFairness;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// FedBR-Shap's oracle on real federated training (Appendix F, Algorithm 1 lines 9–10): every iteration each agent
/// trains a LeNet-5 from the global model θ^{t−1} on s_i batches of its own data (s_i·B samples, the last batch
/// partial) and continues for ε more batches to get its probe T_i^ε (K probes: each continues T_i on the next
/// unused slice of ε·B samples of the same order, so all of them share T_i's batches); a coalition's model θ_X is the plain average of
/// its members' local models, and its value is Σ_j a_j(θ_X), a_j the accuracy on agent j's test data. Coalition
/// values are computed once per iteration and cached, since the protocol asks for each of them n + 1 times.
/// The first global model is the workspace's seeded initialization (the paper's "zero model" cannot be trained with
/// ReLU units: every gradient through it vanishes).
/// </summary>
public sealed class FederatedCoalitionOracle : ICoalitionAccuracyOracle
{
    private readonly LeNetWorkspace _workspace;
    private readonly ImageDataset[] _train;
    private readonly ImageDataset[] _test;
    private readonly ulong _seed;
    private Dictionary<string, Tensor> _global;
    private double[] _accuracies;
    private int _iteration;

    /// <summary>Creates the federation; agent i trains on <paramref name="trainSets"/>[i] and is judged on <paramref name="testSets"/>[i].</summary>
    /// <param name="workspace">The network and trainer (its initial state is θ^0).</param>
    /// <param name="trainSets">Each agent's training data.</param>
    /// <param name="testSets">Each agent's test data.</param>
    /// <param name="seed">Seed of the agents' per-iteration sample orders.</param>
    public FederatedCoalitionOracle(LeNetWorkspace workspace, IReadOnlyList<ImageDataset> trainSets, IReadOnlyList<ImageDataset> testSets, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(trainSets);
        ArgumentNullException.ThrowIfNull(testSets);
        if (trainSets.Count == 0 || trainSets.Count != testSets.Count)
        {
            throw new ArgumentException($"agents: need one training and one test set per agent, got {trainSets.Count} and {testSets.Count}.");
        }

        for (int i = 0; i < trainSets.Count; i++)
        {
            if (trainSets[i].Count == 0 || testSets[i].Count == 0)
            {
                throw new ArgumentException($"agents[{i}]: training and test data must not be empty.");
            }
        }

        _workspace = workspace;
        _train = [.. trainSets];
        _test = [.. testSets];
        _seed = seed;
        _global = workspace.CopyState();
        _accuracies = Evaluate(_global);
    }

    /// <inheritdoc />
    public int AgentCount => _train.Length;

    /// <inheritdoc />
    public IReadOnlyList<double> GlobalAccuracies => _accuracies;

    /// <summary>B, images per batch: s_i batches are s_i·B images.</summary>
    public int BatchSize => _workspace.BatchSize;

    /// <summary>Iterations committed so far.</summary>
    public int Iteration => _iteration;

    /// <summary>θ^t, the current global model.</summary>
    public IReadOnlyDictionary<string, Tensor> GlobalState => _global;

    /// <inheritdoc />
    public ICoalitionTrainingRound Train(IReadOnlyList<double> samples, double epsilon, int probes)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (probes < 1)
        {
            throw new ArgumentException($"probes: must be at least 1, got {probes}.");
        }

        if (samples.Count != AgentCount)
        {
            throw new ArgumentException($"samples: expected {AgentCount} entries, got {samples.Count}.");
        }

        int extra = (int)Math.Round(epsilon * _workspace.BatchSize);
        if (extra < 1)
        {
            throw new ArgumentException($"epsilon: ε·B = {epsilon}·{_workspace.BatchSize} rounds to no sample; the probe would equal the local model.");
        }

        var local = new Dictionary<string, Tensor>[AgentCount];
        var probeStates = new Dictionary<string, Tensor>[AgentCount][];
        for (int i = 0; i < AgentCount; i++)
        {
            if (!(samples[i] >= 0) || double.IsInfinity(samples[i]))
            {
                throw new ArgumentException($"samples[{i}]: batches must be finite and non-negative, got {samples[i]}.");
            }

            int[] order = [.. Enumerable.Range(0, _train[i].Count)];
            new RandomSource(_seed).Fork((ulong)_iteration).Fork((ulong)i).Shuffle(order.AsSpan());
            int count = (int)Math.Round(samples[i] * _workspace.BatchSize);
            _workspace.Load(_global);
            _workspace.Train(_train[i], order, 0, count);
            local[i] = _workspace.CopyState();
            probeStates[i] = new Dictionary<string, Tensor>[probes];
            for (int k = 0; k < probes; k++)
            {
                _workspace.Load(local[i]);
                _workspace.Train(_train[i], order, count + (k * extra), extra);
                probeStates[i][k] = _workspace.CopyState();
            }
        }

        return new Round(this, local, probeStates);
    }

    private double[] Evaluate(IReadOnlyDictionary<string, Tensor> state)
    {
        _workspace.Load(state);
        return [.. _test.Select(_workspace.Accuracy)];
    }

    private sealed class Round(FederatedCoalitionOracle owner, Dictionary<string, Tensor>[] local, Dictionary<string, Tensor>[][] probes) : ICoalitionTrainingRound
    {
        private readonly Dictionary<long, double> _values = [];
        private readonly Dictionary<(long, int, int), double> _probed = [];
        private readonly int _iteration = owner._iteration;
        private bool _committed;

        public double CumulativeAccuracy(long coalition)
        {
            Check(coalition);
            if (coalition == 0)
            {
                return owner._accuracies.Sum();
            }

            if (!_values.TryGetValue(coalition, out double value))
            {
                value = owner.Evaluate(Model(coalition, -1, 0)).Sum();
                _values.Add(coalition, value);
            }

            return value;
        }

        public double CumulativeAccuracyWithProbe(long coalition, int probed, int probe)
        {
            Check(coalition);
            if ((uint)probed >= (uint)local.Length || ((coalition >> probed) & 1) == 0)
            {
                throw new ArgumentException($"probed: agent {probed} is not in coalition {coalition}.");
            }

            if ((uint)probe >= (uint)probes[probed].Length)
            {
                throw new ArgumentOutOfRangeException(nameof(probe), probe, $"this round trained {probes[probed].Length} probes per agent.");
            }

            if (!_probed.TryGetValue((coalition, probed, probe), out double value))
            {
                value = owner.Evaluate(Model(coalition, probed, probe)).Sum();
                _probed.Add((coalition, probed, probe), value);
            }

            return value;
        }

        public IReadOnlyList<double> Commit()
        {
            if (_committed || _iteration != owner._iteration)
            {
                throw new InvalidOperationException($"iteration {_iteration + 1}: this round was already committed or superseded.");
            }

            _committed = true;
            owner._global = ModelStates.Average(local);
            owner._accuracies = owner.Evaluate(owner._global);
            owner._iteration++;
            return owner._accuracies.ToArray();
        }

        private Dictionary<string, Tensor> Model(long coalition, int probed, int probe)
        {
            var members = new List<IReadOnlyDictionary<string, Tensor>>();
            for (int j = 0; j < local.Length; j++)
            {
                if (((coalition >> j) & 1) != 0)
                {
                    members.Add(j == probed ? probes[j][probe] : local[j]);
                }
            }

            return ModelStates.Average(members);
        }

        private void Check(long coalition)
        {
            if (coalition < 0 || coalition >= 1L << local.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(coalition), coalition, $"coalition must be a bitmask over {local.Length} agents.");
            }
        }
    }
}
