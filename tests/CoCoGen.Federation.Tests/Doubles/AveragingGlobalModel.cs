using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>Sample-weighted averaging and an evaluation against the organizations' mean optimum.</summary>
internal sealed class AveragingGlobalModel(int dimension, int organizations) : IGlobalModel
{
    private readonly float[] _optimum = Enumerable.Range(0, dimension)
        .Select(k => Enumerable.Range(0, organizations).Average(i => ScriptedLearner.Target(i, dimension)[k])).ToArray();

    public List<string> Saved { get; } = [];

    public ModelWeights InitialModel() => new(new float[dimension]);

    public ModelWeights InitialGenerator() => new(new float[4]);

    public ModelWeights Aggregate(IReadOnlyList<(ModelWeights Weights, long Samples)> updates)
    {
        var total = updates.Sum(u => (double)u.Samples);
        var values = new float[updates[0].Weights.Count];
        foreach (var (weights, samples) in updates)
        {
            var share = (float)(samples / total);
            var v = weights.Values;
            for (var k = 0; k < values.Length; k++)
            {
                values[k] += share * v[k];
            }
        }

        return new ModelWeights(values);
    }

    public Task<Evaluation> EvaluateAsync(ModelWeights weights, CancellationToken cancellationToken)
    {
        var distance = weights.DistanceTo(new ModelWeights(_optimum));
        return Task.FromResult(new Evaluation(distance, 1 / (1 + distance)));
    }

    public void SaveModel(ModelWeights weights, string path)
    {
        File.WriteAllBytes(path, weights.ToBytes());
        Saved.Add(path);
    }
}
