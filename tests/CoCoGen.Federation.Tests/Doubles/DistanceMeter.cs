using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>
/// A measurement stand-in for the protocol's tests: the aggregate is the verified-count-weighted mean, and a state's
/// "loss" is its distance to the organizations' mean optimum (as <see cref="AveragingGlobalModel"/> evaluates it).
/// Records what it was asked, so tests can check the order and the weights it got.
/// </summary>
internal sealed class DistanceMeter(AveragingGlobalModel model) : IContributionMeter
{
    public string PoolHash => "0x" + new string('7', 64);

    public int SubsetSize => 100;

    public List<(int Round, IReadOnlyList<MeasuredUpdate> Updates, byte[] Seed)> Calls { get; } = [];

    public RoundMeasurement Measure(ReadOnlySpan<byte> validationSeed, ModelWeights before, IReadOnlyList<MeasuredUpdate> updates, ShapleySampling? shapley, CancellationToken cancellationToken)
    {
        Calls.Add((Calls.Count + 1, updates, validationSeed.ToArray()));
        var all = model.Aggregate(updates.Select(u => (u.Weights, u.Samples)).ToArray());
        var loss = Loss(all);
        var without = updates.Select((_, i) =>
        {
            var others = updates.Where((_, k) => k != i).Select(u => (u.Weights, u.Samples)).ToArray();
            return Loss(others.Length == 0 ? before : model.Aggregate(others));
        }).ToArray();
        return new RoundMeasurement(all, "0x" + new string('5', 64), SubsetSize, loss, 1 / (1 + loss), without, null, null);
    }

    private double Loss(ModelWeights weights) => model.EvaluateAsync(weights, CancellationToken.None).Result.Loss;
}
