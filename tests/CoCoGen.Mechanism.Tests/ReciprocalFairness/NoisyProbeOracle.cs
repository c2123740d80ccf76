namespace CoCoGen.Mechanism.Tests.ReciprocalFairness;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// Assumption F.1's closed-form gains with the noise real training adds to a probe: every probe model's value is its
/// coalition's value plus the exact effect of ε more batches plus N(0, σ²), drawn independently per iteration, agent,
/// coalition and probe (an ε-batch SGD step flips a few test images either way). The coalition values themselves
/// are exact: a probe differs from the local model only in its extra batches (common random numbers).
/// </summary>
internal sealed class NoisyProbeOracle(FederationInstance instance, double rate, double sigma, int seed) : ICoalitionAccuracyOracle
{
    private readonly StationaryGainOracle _exact = new(instance, rate);
    private readonly Random _noise = new(seed);

    public int AgentCount => _exact.AgentCount;

    public IReadOnlyList<double> GlobalAccuracies => _exact.GlobalAccuracies;

    public ICoalitionTrainingRound Train(IReadOnlyList<double> samples, double epsilon, int probes) =>
        new Round(this, _exact.Train(samples, epsilon, probes));

    private double Gaussian()
    {
        double u = 1 - _noise.NextDouble();
        return sigma * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * _noise.NextDouble());
    }

    private sealed class Round(NoisyProbeOracle owner, ICoalitionTrainingRound exact) : ICoalitionTrainingRound
    {
        private readonly Dictionary<(long, int, int), double> _noise = [];

        public double CumulativeAccuracy(long coalition) => exact.CumulativeAccuracy(coalition);

        public double CumulativeAccuracyWithProbe(long coalition, int probed, int probe)
        {
            if (!_noise.TryGetValue((coalition, probed, probe), out double noise))
            {
                noise = owner.Gaussian();
                _noise.Add((coalition, probed, probe), noise);
            }

            return exact.CumulativeAccuracyWithProbe(coalition, probed, probe) + noise;
        }

        public IReadOnlyList<double> Commit() => exact.Commit();
    }
}
