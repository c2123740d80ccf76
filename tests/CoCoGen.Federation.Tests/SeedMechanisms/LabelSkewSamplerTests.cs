using CoCoGen.Federation.Adapters.SeedMechanisms;

namespace CoCoGen.Federation.Tests.SeedMechanisms;

[Collection(FashionMnistGroup.Name)]
public sealed class LabelSkewSamplerTests(FashionMnistFixture data)
{
    [Fact]
    public void DrawsTheHomeFractionFromTheHomeClassesAndNeverRepeatsASample()
    {
        var sampler = new LabelSkewSampler(data.Train, 5);
        int[] low = sampler.Draw(1000, [0, 1, 2, 3, 4], 0.8);
        int[] high = sampler.Draw(1000, [5, 6, 7, 8, 9], 0.8);

        Assert.Equal(800, low.Count(i => data.Train.Label(i) < 5));
        Assert.Equal(800, high.Count(i => data.Train.Label(i) >= 5));
        Assert.Equal(2000, low.Concat(high).Distinct().Count());
    }

    [Fact]
    public void TheSameSeedGivesTheSameDraw()
    {
        int[] first = new LabelSkewSampler(data.Train, 9).Draw(200, [3], 0.5);
        int[] second = new LabelSkewSampler(data.Train, 9).Draw(200, [3], 0.5);
        int[] other = new LabelSkewSampler(data.Train, 10).Draw(200, [3], 0.5);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void RunningOutOfAClassIsAnErrorNamingTheClasses()
    {
        var sampler = new LabelSkewSampler(data.Test, 1);
        var error = Assert.Throws<InvalidOperationException>(() => sampler.Draw(1001, [7], 1.0));
        Assert.Contains("7", error.Message, StringComparison.Ordinal);
    }
}
