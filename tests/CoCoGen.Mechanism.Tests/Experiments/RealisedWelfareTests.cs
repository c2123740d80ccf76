using CoCoGen.Mechanism.Experiments;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Tests.Experiments;

public sealed class RealisedWelfareTests
{
    // Raw ρ_ab = 0.8, ρ_ac = 0.4, ρ_bc = 0.2, so ρ̂ = ρ / (n − 1) = 0.4, 0.2, 0.1. The curves are never used.
    private static Scenario ThreeOrganizations() => Scenario.Create(
        new ScenarioParameters(GlobalLossModel.Separable, ContributionMeasure.Performance, Xi: 1, L0: 2.0, Gamma: 0.5, Omega: 2.0, Fee: 3.0, CyclesTrainPerSample: 10, CyclesGeneratePerSample: 30),
        [
            new OrganizationProfile("a", 100, 100, 1e3, 1e-6, 10, 2, new LossCurve(4, 0.5, 0.1)),
            new OrganizationProfile("b", 300, 100, 2e3, 1e-6, 20, 1, new LossCurve(2, 0.25, 0.2)),
            new OrganizationProfile("c", 100, 100, 1e3, 2e-6, 5, 4, new LossCurve(3, 0.3, 0.1)),
        ],
        new DenseCompetition(3, [0, 0.8, 0.4, 0.8, 0, 0.2, 0.4, 0.2, 0]));

    private static readonly RealisedRound Measured = new(0.5, [150, 300, 200], [50, 0, 100], [0.3, 0.1, -0.2]);

    [Fact]
    public void Every_component_matches_the_hand_computation()
    {
        var outcome = RealisedWelfare.Evaluate(ThreeOrganizations(), Measured);

        // Revenue p_i (L0 − L) = p_i · 1.5.
        Assert.Equal([15, 30, 7.5], outcome.Revenue, Close);

        // Cost ω κ f² (c^t trained + c^g generated) + fee: a 2·1·3000 + 3, b 2·4·3000 + 3, c 2·2·5000 + 3.
        Assert.Equal([6003, 24003, 20003], outcome.Cost, Close);

        // CL_a = 1·0.4·0.2 + 4·0.2·0.5; CL_b = 2·0.4·(−0.2) + 4·0.1·0.3; CL_c = 2·0.2·(−0.5) + 1·0.1·(−0.3).
        Assert.Equal([0.48, -0.04, -0.23], outcome.CompetitionLoss, Close);

        // R_a = 0.5 (0.4·0.2 + 0.2·0.5); R_b = 0.5 (0.4·(−0.2) + 0.1·0.3); R_c = 0.5 (0.2·(−0.5) + 0.1·(−0.3)).
        Assert.Equal([0.09, -0.025, -0.065], outcome.Transfer, Close);
        Assert.Equal([-5988.39, -23972.985, -19995.335], outcome.Utility, Close);
        Assert.Equal(-49956.71, outcome.SocialWelfare, 1e-9);
    }

    [Fact]
    public void Transfers_balance_on_random_measurements_so_they_leave_welfare_unchanged()
    {
        var scenario = ThreeOrganizations();
        var random = new Random(7);
        for (int k = 0; k < 200; k++)
        {
            double[] x = [random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5];
            var round = new RealisedRound(random.NextDouble() * 2.5, [100, 200, 300], [0, 10, 20], x);

            var outcome = RealisedWelfare.Evaluate(scenario, round);

            Assert.True(Math.Abs(outcome.TransferSum) <= 1e-12, $"Σ R = {outcome.TransferSum}");
            var withoutTransfers = outcome.Revenue.Sum() - outcome.Cost.Sum() - outcome.CompetitionLoss.Sum();
            Assert.Equal(withoutTransfers, outcome.SocialWelfare, 1e-9);
        }
    }

    [Fact]
    public void A_round_of_the_wrong_size_is_rejected_naming_the_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => RealisedWelfare.Evaluate(ThreeOrganizations(), Measured with { Contributions = [0.1, 0.2] }));

        Assert.Contains("2 contribution entries for 3 organizations", error.Message, StringComparison.Ordinal);
    }

    private static readonly IEqualityComparer<double> Close = EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
}
