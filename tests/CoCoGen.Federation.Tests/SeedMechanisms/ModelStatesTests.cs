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
