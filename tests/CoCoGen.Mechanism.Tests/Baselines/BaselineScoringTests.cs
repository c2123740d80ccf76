using CoCoGen.Mechanism.Baselines;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Tests.Baselines;

public sealed class BaselineScoringTests
{
    private static Scenario Competitive() => Scenario.Create(
        new ScenarioParameters(GlobalLossModel.Separable, ContributionMeasure.Performance, 1.5, 2.0, 0.5, 2.0, 3.0, 10, 30),
        [
            new OrganizationProfile("a", 100, 50, 1e3, 1e-6, 10, 2, new LossCurve(4, 0.5, 0.1)),
            new OrganizationProfile("b", 300, 50, 2e3, 1e-6, 20, 1, new LossCurve(2, 0.25, 0.2)),
        ],
        new DenseCompetition(2, [0, 0.8, 0.8, 0]));

    [Fact]
    public void Vcfl_is_scored_without_competition_or_redistribution()
    {
        var scored = BaselineScoring.ScenarioFor(BaselineKind.Vcfl, Competitive());

        Assert.Equal(0, scored.Competition.Normalised(0, 1));
        Assert.Equal(0, scored.Parameters.Gamma);
    }

    [Fact]
    public void Wco_is_scored_without_competition_and_keeps_gamma()
    {
        var scored = BaselineScoring.ScenarioFor(BaselineKind.Wco, Competitive());

        Assert.Equal(0, scored.Competition.Normalised(0, 1));
        Assert.Equal(0.5, scored.Parameters.Gamma);
    }

    [Theory]
    [InlineData(BaselineKind.CoCoGenPlus)]
    [InlineData(BaselineKind.Wdg)]
    [InlineData(BaselineKind.Radg)]
    [InlineData(BaselineKind.Madg)]
    public void The_other_rules_keep_the_full_utility(BaselineKind kind)
    {
        var scored = BaselineScoring.ScenarioFor(kind, Competitive());

        Assert.Equal(0.8, scored.Competition.Normalised(0, 1), 12);
        Assert.Equal(0.5, scored.Parameters.Gamma);
    }
}
