using CoCoGen.Federation.Adapters.SeedMechanisms;
using CoCoGen.Mechanism.DefectionFree;

namespace CoCoGen.Federation.Tests.SeedMechanisms;

[Collection(FashionMnistGroup.Name)]
public sealed class FederatedDuopolyTrainingTests(FashionMnistFixture data)
{
    private static readonly DuopolyTrainingSettings Tiny = new(
        SamplesPerFirm: 300, TargetSamples: 300, BatchSize: 16, LearningRate: 0.05f, InitialEpochsLow: 1, InitialEpochsHigh: 4,
        StepBatches: 4, ReferenceEpochs: 3, MaxInnerSteps: 3, BisectionSteps: 5, Seed: 2);

    private DuopolyStart Start() => DuopolyStart.Create(data.Train, data.Test, Tiny);

    [Fact]
    public void TheFirmsHoldComplementaryLabelSkews()
    {
        var start = Start();
        Assert.Equal(240, start.LowData.ClassHistogram().Take(5).Sum());
        Assert.Equal(240, start.HighData.ClassHistogram().Skip(5).Sum());
        Assert.Equal(150, start.Target.ClassHistogram().Take(5).Sum());
        Assert.True(start.LowQuality < start.HighQuality, $"q_l,0 = {start.LowQuality} is not below q_h,0 = {start.HighQuality}");
        Assert.True(start.HighQuality > 0.2, $"q_h,0 = {start.HighQuality} after solo training is not above chance");
    }

    [Fact]
    public void DefectionFreeRoundsNeverLowerARevenueAndKeepTheLowFirmUnderItsCap()
    {
        var start = Start();
        var training = new FederatedDuopolyTraining(start, FederatedDuopolyTraining.EstimateMaximalQuality(start));

        var result = new DefectionFreeCollaboration(Rounds: 8).Run(training);

        Assert.Empty(RevenueMonotonicity.Decreases(result));
        Assert.True(result.RevenuesNeverDecreased);
        for (int t = 1; t < result.Rounds.Count; t++)
        {
            var round = result.Rounds[t];
            Assert.True(round.HighQuality >= result.Rounds[t - 1].HighQuality, $"round {t}: q_h fell");
            Assert.True(round.HighQuality <= 1.03 * result.Rounds[t - 1].HighQuality + 1e-12, $"round {t}: q_h grew faster than b̃");
            Assert.True(double.IsNaN(round.LowQualityCap) || round.LowQuality <= round.LowQualityCap + 1e-9, $"round {t}: q_l above its cap");
        }

        Assert.True(result.Rounds[^1].HighQuality > start.HighQuality, "the high firm never improved on the joint objective: " + string.Join(" ", result.Rounds.Select(r => $"({r.LowQuality:F3},{r.HighQuality:F3},{r.LowQualityCap:F3})")));
    }

    [Fact]
    public void CompleteCollaborationOnRealTrainingLowersTheHighFirmsRevenue()
    {
        var start = Start();
        var training = new FederatedDuopolyTraining(start, FederatedDuopolyTraining.EstimateMaximalQuality(start));

        var result = new DefectionFreeCollaboration(Rounds: 4, Scheme: CollaborationScheme.Complete).Run(training);

        Assert.Contains(RevenueMonotonicity.Decreases(result), d => d.Firm == "high");
    }

    [Fact]
    public void ADecreaseIsReportedWithItsRoundAndFirm()
    {
        var rounds = new[]
        {
            new DuopolyRound(0, 0.3, 0.6, double.NaN, 0.010, 0.100, double.NaN),
            new DuopolyRound(1, 0.3, 0.62, double.NaN, 0.011, 0.105, 0.0),
            new DuopolyRound(2, 0.35, 0.62, 0.36, 0.012, 0.101, 0.0),
        };
        var result = new DefectionFreeResult(CollaborationScheme.DefectionFree, rounds, 0.4, 0.9, 0.001, false);

        var decrease = Assert.Single(RevenueMonotonicity.Decreases(result));

        Assert.Equal(new RevenueDecrease(2, "high", 0.105, 0.101), decrease);
    }

    [Fact]
    public void AStartWhereTheLowFirmIsNotBelowTheHighOneIsRejected()
    {
        var start = DuopolyStart.Create(data.Train, data.Test, Tiny with { InitialEpochsLow = 4, InitialEpochsHigh = 0 });
        var error = Assert.Throws<ArgumentException>(() => new FederatedDuopolyTraining(start, 1.0));
        Assert.StartsWith("start", error.Message, StringComparison.Ordinal);
    }
}
