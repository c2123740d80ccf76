using CoCoGen.Federation.Adapters.SeedMechanisms;
using CoCoGen.Mechanism.ReciprocalFairness;

namespace CoCoGen.Federation.Tests.SeedMechanisms;

public sealed class SeedMechanismTablesTests
{
    [Fact]
    public void FedBrShapStagesBecomeOneCsvRowPerStageWithThePaymentSum()
    {
        FedBrShapStage[] stages =
        [
            new(1, [2.0, 0.0], [0.1, 0.2], [0.25, -0.25], [0.5, 0.6]),
            new(2, [3.5, 1.0], [0.1, 0.1], [-0.5, 0.5], [0.7, 0.8]),
        ];
        var rows = FedBrShapCharts.Csv(["a", "b"], stages).TrimEnd('\n').Split('\n');
        Assert.Equal("stage,samples_a,samples_b,payment_a,payment_b,accuracy_a,accuracy_b,paymentSum", rows[0]);
        Assert.Equal("2,3.5,1,-0.5,0.5,0.7,0.8,0", rows[2]);
        var charts = FedBrShapCharts.Render(["a", "b"], stages, "test");
        Assert.Equal(["fedbrshap-samples.svg", "fedbrshap-accuracy.svg"], charts.Select(c => c.FileName));
        Assert.All(charts, c => Assert.Equal(2, c.Svg.Split("<polyline").Length - 1));
    }

    [Fact]
    public void MechanismRowsLeaveTheTrainedColumnEmptyWhenNothingWasTrained()
    {
        var rows = MechanismComparisonCharts.Csv([new("M^0", 0.1, 0.5, null, 1, 1, 0.6, 2.5), new("M^BG", 0.2, 0.55, 0.61, 2, 1.1, 0.7, 2.6)])
            .TrimEnd('\n').Split('\n');
        Assert.Equal("M^0,0.1,0.5,,1,1,0.6,2.5", rows[1]);
        Assert.Equal("M^BG,0.2,0.55,0.61,2,1.1,0.7,2.6", rows[2]);
        var (name, svg) = MechanismComparisonCharts.Render([new("M^0", 0.1, 0.5, null, 1, 1, 0.6, 2.5)], "t");
        Assert.Equal("mechanisms.svg", name);
        Assert.Contains("reciprocity", svg, StringComparison.Ordinal);
    }
}
