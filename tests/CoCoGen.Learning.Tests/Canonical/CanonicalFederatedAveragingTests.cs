using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

public sealed class CanonicalFederatedAveragingTests
{
    [Fact]
    public void Aggregate_EqualsTheOrderedScalarSumBitForBit_AtEveryLengthAndExclusion()
    {
        var random = new RandomSource(909);
        int[] lengths = [.. Enumerable.Range(0, 40), 63, 64, 65, 511, 512, 513, 1023, 1025, 1537];
        var global = lengths.ToDictionary(n => $"t{n}", n => Random(random, n), StringComparer.Ordinal);
        var updates = Enumerable.Range(0, 5)
            .Select(k => new ModelUpdate($"org-{k}", lengths.ToDictionary(n => $"t{n}", n => Random(random, n), StringComparer.Ordinal), 1 + random.NextInt(10_000)))
            .ToList();
        for (int excluded = -1; excluded < updates.Count; excluded++)
        {
            var destination = global.ToDictionary(t => t.Key, t => new Tensor(t.Value.Shape.ToArray()), StringComparer.Ordinal);
            CanonicalFederatedAveraging.Aggregate(updates, excluded, global, destination);
            long total = updates.Where((_, k) => k != excluded).Sum(u => u.SampleCount);
            foreach ((string name, Tensor tensor) in destination)
            {
                for (int e = 0; e < tensor.Length; e++)
                {
                    double sum = 0;
                    for (int k = 0; k < updates.Count; k++)
                    {
                        if (k == excluded)
                        {
                            continue;
                        }

                        double weight = updates[k].SampleCount / (double)total;
                        double term = weight * updates[k].State[name][e];
                        sum += term;
                    }

                    Assert.True(
                        BitConverter.SingleToInt32Bits((float)sum) == BitConverter.SingleToInt32Bits(tensor[e]),
                        $"{name}[{e}] without {excluded}: {tensor[e]:R}, ordered sum {(float)sum:R}");
                }
            }
        }
    }

    [Fact]
    public void AggregateCoalition_EqualsTheOrderedScalarSumOverTheCoalition_ForEveryCoalitionOfFive()
    {
        var random = new RandomSource(911);
        int[] lengths = [1, 7, 16, 33, 513];
        var global = lengths.ToDictionary(n => $"t{n}", n => Random(random, n), StringComparer.Ordinal);
        var updates = Enumerable.Range(0, 5)
            .Select(k => new ModelUpdate($"org-{k}", lengths.ToDictionary(n => $"t{n}", n => Random(random, n), StringComparer.Ordinal), 1 + random.NextInt(10_000)))
            .ToList();
        for (ulong members = 0; members < 32; members++)
        {
            var destination = global.ToDictionary(t => t.Key, t => new Tensor(t.Value.Shape.ToArray()), StringComparer.Ordinal);
            CanonicalFederatedAveraging.AggregateCoalition(updates, members, global, destination);
            long total = updates.Where((_, k) => ((members >> k) & 1) == 1).Sum(u => u.SampleCount);
            foreach ((string name, Tensor tensor) in destination)
            {
                for (int e = 0; e < tensor.Length; e++)
                {
                    double sum = 0;
                    for (int k = 0; k < updates.Count; k++)
                    {
                        if (((members >> k) & 1) == 1)
                        {
                            double term = updates[k].SampleCount / (double)total * updates[k].State[name][e];
                            sum += term;
                        }
                    }

                    float expected = total == 0 ? global[name][e] : (float)sum;
                    Assert.True(
                        BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(tensor[e]),
                        $"{name}[{e}] of coalition {members:b5}: {tensor[e]:R}, ordered sum {expected:R}");
                }
            }
        }

        var tooWide = global.ToDictionary(t => t.Key, t => new Tensor(t.Value.Shape.ToArray()), StringComparer.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CanonicalFederatedAveraging.AggregateCoalition(updates, 1UL << 5, global, tooWide));
    }

    [Fact]
    public void Aggregate_OfNoRemainingUpdateIsTheGlobalState()
    {
        var random = new RandomSource(10);
        var global = new Dictionary<string, Tensor>(StringComparer.Ordinal) { ["w"] = Random(random, 9) };
        var only = new ModelUpdate("a", new Dictionary<string, Tensor> { ["w"] = Random(random, 9) }, 5);
        var destination = new Dictionary<string, Tensor>(StringComparer.Ordinal) { ["w"] = new Tensor(9) };
        CanonicalFederatedAveraging.Aggregate([only], 0, global, destination);
        Assert.Equal(global["w"].Span.ToArray(), destination["w"].Span.ToArray());
    }

    [Fact]
    public void Aggregate_RefusesUpdatesOutOfOrganizationOrder()
    {
        var state = new Dictionary<string, Tensor> { ["w"] = new Tensor(3) };
        var destination = new Dictionary<string, Tensor> { ["w"] = new Tensor(3) };
        ModelUpdate[] swapped = [new("org-b", state, 1), new("org-a", state, 1)];
        var error = Assert.Throws<ArgumentException>(() => CanonicalFederatedAveraging.Aggregate(swapped, -1, state, destination));
        Assert.Contains("org-a", error.Message);
        ModelUpdate[] twice = [new("org-a", state, 1), new("org-a", state, 1)];
        Assert.Throws<ArgumentException>(() => CanonicalFederatedAveraging.Aggregate(twice, -1, state, destination));
    }

    [Fact]
    public void Aggregate_NamesTheOrganizationWithAWrongTensor()
    {
        var good = new Dictionary<string, Tensor> { ["w"] = new Tensor(3) };
        var bad = new Dictionary<string, Tensor> { ["w"] = new Tensor(4) };
        ModelUpdate[] updates = [new("org-a", good, 1), new("org-b", bad, 1)];
        var error = Assert.Throws<ArgumentException>(() => CanonicalFederatedAveraging.Aggregate(updates, -1, good, new Dictionary<string, Tensor> { ["w"] = new Tensor(3) }));
        Assert.Contains("org-b", error.Message);
        Assert.Contains("'w'", error.Message);
    }

    private static Tensor Random(RandomSource random, int length)
    {
        var tensor = new Tensor(length);
        for (int i = 0; i < length; i++)
        {
            tensor[i] = (random.NextSingle() - 0.5f) * MathF.Pow(2, random.NextInt(16) - 8);
        }

        return tensor;
    }
}
