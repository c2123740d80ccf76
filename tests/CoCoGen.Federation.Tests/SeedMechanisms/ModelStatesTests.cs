using CoCoGen.Federation.Adapters.SeedMechanisms;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.Tests.SeedMechanisms;

public sealed class ModelStatesTests
{
    private static Dictionary<string, Tensor> State(params float[] values) => new() { ["w"] = Tensor.FromValues(values, values.Length) };

    [Fact]
    public void AverageIsThePlainMeanOfTheMembers()
    {
        var average = ModelStates.Average([State(1, 2), State(3, 6), State(5, 1)]);
        Assert.Equal([3f, 3f], average["w"].Span.ToArray());
    }

    [Fact]
    public void WeightedAverageWeighsByContribution()
    {
        // (1·(1, 2) + 3·(5, 6)) / 4 = (4, 5); a zero weight leaves its member out.
        var average = ModelStates.WeightedAverage([State(1, 2), State(5, 6), State(100, 100)], [1, 3, 0]);
        Assert.Equal([4f, 5f], average["w"].Span.ToArray());
        Assert.Throws<ArgumentException>(() => ModelStates.WeightedAverage([State(1, 2)], [0]));
        Assert.Throws<ArgumentException>(() => ModelStates.WeightedAverage([State(1, 2), State(1, 2)], [1, -1]));
    }

    [Fact]
    public void InterpolateWalksTheSegment()
    {
        var point = ModelStates.Interpolate(State(1, 10), State(3, 6), 0.25);
        Assert.Equal([1.5f, 9f], point["w"].Span.ToArray());
    }

    [Fact]
    public void StatesWithDifferentShapesAreRejected()
    {
        var wide = new Dictionary<string, Tensor> { ["w"] = new Tensor(3) };
        Assert.Throws<ArgumentException>(() => ModelStates.Average([State(1, 2), wide]));
    }
}
