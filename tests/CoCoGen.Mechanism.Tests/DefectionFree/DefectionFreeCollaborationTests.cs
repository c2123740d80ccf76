namespace CoCoGen.Mechanism.Tests.DefectionFree;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.DefectionFree;

public class DefectionFreeCollaborationTests
{
    internal static QuadraticDuopolyTraining Synthetic(double[]? low = null, double[]? high = null) => new(
        optimumLow: [1, 0], optimumHigh: [0, 1], curvature: 0.4,
        initialLow: low ?? [-0.822, -0.822], initialHigh: high ?? [1.433, 1.433]);

    [Fact]
    public void NeitherRevenueDecreasesInAnyRoundAndTheSchemeReachesTheNashBargainingSolution()
    {
        var result = new DefectionFreeCollaboration(Rounds: 200).Run(Synthetic());
        for (int t = 1; t < result.Rounds.Count; t++)
        {
            var (before, after) = (result.Rounds[t - 1], result.Rounds[t]);
            Assert.True(after.LowRevenue >= before.LowRevenue - 1e-12, $"round {t}: U_l fell");
            Assert.True(after.HighRevenue >= before.HighRevenue - 1e-12, $"round {t}: U_h fell");
            Assert.True(after.HighQuality <= before.HighQuality * 1.03 + 1e-12, $"round {t}: q_h outpaced b̃");
            Assert.True(double.IsNaN(after.LowQualityCap) || after.LowQuality <= after.LowQualityCap + 1e-9);
        }

        Assert.True(result.RevenuesNeverDecreased);
        var last = result.Rounds[^1];
        Assert.Equal(result.NashHighQuality, last.HighQuality, 6);
        Assert.Equal(result.NashLowQuality, last.LowQuality, 6);
        Assert.Equal(result.NashProduct, last.NashProduct, 8);
        Assert.Equal(0.9, result.NashHighQuality, 12);
    }

    [Fact]
    public void CompleteCollaborationCollapsesRevenuesAndOneSidedLeavesTheLowFirmBehind()
    {
        var complete = new DefectionFreeCollaboration(200, Scheme: CollaborationScheme.Complete).Run(Synthetic());
        Assert.False(complete.RevenuesNeverDecreased);
        Assert.Equal(0, complete.Rounds[^1].HighRevenue, 6); // Lemma 3
        Assert.Equal(0, complete.Rounds[^1].LowRevenue, 6);

        var oneSided = new DefectionFreeCollaboration(200, Scheme: CollaborationScheme.OnlyLowShares).Run(Synthetic());
        var defectionFree = new DefectionFreeCollaboration(200).Run(Synthetic());
        Assert.True(oneSided.RevenuesNeverDecreased);
        Assert.True(defectionFree.Rounds[^1].LowRevenue > oneSided.Rounds[^1].LowRevenue);
        Assert.True(defectionFree.Rounds[^1].NashProduct > oneSided.Rounds[^1].NashProduct);
    }

    [Fact]
    public void Proposition4AStartAboveTheBargainingQualityCannotConverge()
    {
        var training = Synthetic([-0.5, -0.5], [1.0, 1.0]); // q_l,0 = 0.5 > q_l* ≈ 0.453
        var result = new DefectionFreeCollaboration(200).Run(training);
        Assert.True(result.Rounds[0].LowQuality > result.NashLowQuality);
        Assert.Equal(result.Rounds[0].LowQuality, result.Rounds[^1].LowQuality, 12);
        Assert.True(result.RevenuesNeverDecreased);
    }

    [Fact]
    public void ATrainingProcessThatOvershootsItsCapIsRejectedWithTheRound()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DefectionFreeCollaboration(5).Run(new OvershootingTraining()));
        Assert.Contains("round 1", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A faulty process: it improves the low-quality model past any cap.</summary>
    private sealed class OvershootingTraining : IDuopolyTraining
    {
        public double LowQuality { get; private set; } = 0.2;

        public double HighQuality { get; private set; } = 0.5;

        public double MaximalQuality => 0.9;

        public double ImproveHigh(double maxGrowth) => HighQuality *= maxGrowth;

        public double ImproveLow(double cap) => LowQuality = cap + 0.01;
    }
}
