using CoCoGen.Federation.Adapters.SeedMechanisms;

namespace CoCoGen.Federation.Tests.SeedMechanisms;

[Collection(FashionMnistGroup.Name)]
public sealed class TradeFlTrainedModelTests(FashionMnistFixture data)
{
    private static readonly TradeFlTrainingSettings Small = new(ImagesPerSample: 0.05, Rounds: 3, TestImages: 300, Seed: 3);
    private static readonly double[] Samples = [1000, 1200, 1400, 1600];

    [Fact]
    public void FullContributionsTrainAModelThatBeatsTheUntrainedOne()
    {
        // 4 organizations × 250–400 images, 4 rounds: enough for LeNet-5 to leave chance level.
        var settings = Small with { ImagesPerSample = 0.25, Rounds = 4, LearningRate = 0.1f };
        var points = TradeFlTrainedModel.Run(data.Train, data.Test, Samples, [1, 1, 1, 1], settings);
        Assert.Equal([0, 1, 2, 3, 4], points.Select(p => p.Round));
        Assert.True(points[^1].Loss < points[0].Loss - 0.1, $"loss {points[0].Loss:F3} → {points[^1].Loss:F3}");
        Assert.True(points[^1].Accuracy > points[0].Accuracy + 0.1, $"accuracy {points[0].Accuracy:F3} → {points[^1].Accuracy:F3}");
    }

    [Fact]
    public void NoContributionLeavesTheInitialModelAndEqualInputsGiveEqualCurves()
    {
        var none = TradeFlTrainedModel.Run(data.Train, data.Test, Samples, [0, 0, 0, 0], Small);
        Assert.All(none, p => Assert.Equal(none[0].Loss, p.Loss));
        var half = TradeFlTrainedModel.Run(data.Train, data.Test, Samples, [0.5, 0.1, 1, 0], Small);
        var again = TradeFlTrainedModel.Run(data.Train, data.Test, Samples, [0.5, 0.1, 1, 0], Small);
        Assert.Equal(half, again);
        Assert.Equal(none[0], half[0]); // every scheme starts from the same weights
        Assert.NotEqual(none[^1].Loss, half[^1].Loss);
    }

    [Fact]
    public void RejectsAFractionOutsideTheUnitInterval()
    {
        var error = Assert.Throws<ArgumentException>(() => TradeFlTrainedModel.Run(data.Train, data.Test, Samples, [1, 1.5, 1, 1], Small));
        Assert.Contains("dataFractions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartsDrawOneLinePerSchemeAndOneBarPerScheme()
    {
        TradeFlTrainingPoint[] curve = [new(0, 2.3, 0.1), new(1, 1.2, 0.6)];
        var charts = TradeFlTrainingCharts.Render([("DBR", curve), ("GCA", [new(0, 2.3, 0.1), new(1, 1.5, 0.5)])]);
        Assert.Equal(["tradefl-trained-loss.svg", "tradefl-trained-accuracy.svg", "tradefl-trained-final-accuracy.svg"], charts.Select(c => c.FileName));
        Assert.All(charts, c => Assert.Contains(">GCA<", c.Svg, StringComparison.Ordinal));
        Assert.Equal(2, charts[0].Svg.Split("<polyline").Length - 1);
    }
}
