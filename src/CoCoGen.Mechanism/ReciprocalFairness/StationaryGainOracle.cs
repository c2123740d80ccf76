namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// A synthetic FedBR-Shap oracle that realizes Assumption F.1 exactly: training coalition X on s for one iteration
/// raises agent j's accuracy by rate·[a_j(s[X]) − a_j(0)], with a_j a closed-form payoff function. With rate = 1/W
/// a stage of W iterations is worth v(s) of the static game, so FedBR-Shap must find the NE of M^Shap. It stands in
/// for real training in tests; the Federation layer supplies the oracle backed by the learning engine.
/// </summary>
public sealed class StationaryGainOracle : ICoalitionAccuracyOracle
{
    private readonly FederationInstance _instance;
    private readonly double _rate;
    private readonly double[] _accuracies;

    /// <summary>Creates the oracle with every global accuracy starting at zero.</summary>
    public StationaryGainOracle(FederationInstance instance, double rate)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!(rate > 0) || double.IsInfinity(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be positive and finite.");
        }

        _instance = instance;
        _rate = rate;
        _accuracies = new double[instance.AgentCount];
    }

    /// <inheritdoc />
    public int AgentCount => _instance.AgentCount;

    /// <inheritdoc />
    public IReadOnlyList<double> GlobalAccuracies => _accuracies;

    /// <inheritdoc />
    public ICoalitionTrainingRound Train(IReadOnlyList<double> samples, double epsilon, int probes)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 1);
        return new Round(this, samples.ToArray(), epsilon);
    }

    private sealed class Round(StationaryGainOracle owner, double[] samples, double epsilon) : ICoalitionTrainingRound
    {
        private readonly double[] _scratch = new double[samples.Length];

        public double CumulativeAccuracy(long coalition) => owner._accuracies.Sum() + (owner._rate * Value(coalition, samples));

        // Noise-free: every probe of an agent has the same value.
        public double CumulativeAccuracyWithProbe(long coalition, int probed, int probe)
        {
            var probeSamples = (double[])samples.Clone();
            probeSamples[probed] += epsilon;
            return owner._accuracies.Sum() + (owner._rate * Value(coalition, probeSamples));
        }

        public IReadOnlyList<double> Commit()
        {
            for (int j = 0; j < owner._accuracies.Length; j++)
            {
                owner._accuracies[j] += owner._rate * owner._instance.PayoffGain(j, samples);
            }

            return owner._accuracies.ToArray();
        }

        private double Value(long coalition, double[] vector) => owner._instance.CoalitionValue(coalition, vector, _scratch);
    }
}
