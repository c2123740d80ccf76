using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>How a scripted organization misbehaves in a given round.</summary>
public enum Misbehaviour
{
    None,
    Hang,
    NaN,
    Scale100,
    FreeRide,
    InflateCounts,
}

/// <summary>
/// A deterministic stand-in for local training: moves the global weights halfway towards the
/// organization's own optimum, with seeded noise per round, so FedAvg converges and results repeat.
/// </summary>
internal sealed class ScriptedLearner(int index, int dimension, long localSamples) : IOrganizationLearner
{
    private readonly float[] _target = Target(index, dimension);

    public long LocalSamples { get; } = localSamples;

    public Dictionary<int, Misbehaviour> Script { get; } = [];

    public int TrainCalls { get; private set; }

    public int GeneratorCalls { get; private set; }

    public Task<LocalUpdate> TrainGeneratorAsync(ModelWeights generator, int pass, CancellationToken cancellationToken)
    {
        GeneratorCalls++;
        var values = generator.Values.ToArray();
        for (var k = 0; k < values.Length; k++)
        {
            values[k] += 0.1f * (index + 1);
        }

        return Task.FromResult(new LocalUpdate(new ModelWeights(values), LocalSamples, 0, 1.0 / pass, 0, 0.01));
    }

    public async Task<LocalUpdate> TrainAsync(ModelWeights globalWeights, ModelWeights generator, int syntheticSamples, int round, CancellationToken cancellationToken)
    {
        TrainCalls++;
        var behaviour = Script.GetValueOrDefault(round);
        if (behaviour == Misbehaviour.Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (behaviour == Misbehaviour.FreeRide)
        {
            return new LocalUpdate(new ModelWeights(globalWeights.Values.ToArray()), LocalSamples, syntheticSamples, 0.5, 0, 0);
        }

        var random = new Random((index * 7919) + round);
        var values = new float[dimension];
        var start = globalWeights.Values;
        for (var k = 0; k < dimension; k++)
        {
            values[k] = start[k] + (0.5f * (_target[k] - start[k])) + (0.01f * ((float)random.NextDouble() - 0.5f));
        }

        if (behaviour == Misbehaviour.NaN)
        {
            values[dimension / 2] = float.NaN;
        }
        else if (behaviour == Misbehaviour.Scale100)
        {
            for (var k = 0; k < dimension; k++)
            {
                values[k] *= 100;
            }
        }

        var loss = 0.0;
        for (var k = 0; k < dimension; k++)
        {
            loss += (values[k] - _target[k]) * (values[k] - _target[k]);
        }

        return behaviour == Misbehaviour.InflateCounts
            ? new LocalUpdate(new ModelWeights(values), 1_000_000_000, 999_999_999, loss, 0.002, 0.003)
            : new LocalUpdate(new ModelWeights(values), LocalSamples, syntheticSamples, loss + (1.0 / (1 + syntheticSamples)), 0.002, 0.003);
    }

    public static float[] Target(int index, int dimension)
    {
        var random = new Random(1000 + index);
        return Enumerable.Range(0, dimension).Select(_ => (float)random.NextDouble()).ToArray();
    }
}
