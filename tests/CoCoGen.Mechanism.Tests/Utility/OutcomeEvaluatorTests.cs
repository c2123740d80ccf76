using CoCoGen.Mechanism.Sampling;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Tests.Utility;

public class OutcomeEvaluatorTests
{
    private static Scenario TwoOrganizations(GlobalLossModel loss, ContributionMeasure contribution) => Scenario.Create(
        new ScenarioParameters(loss, contribution, Xi: 1.5, L0: 2.0, Gamma: 0.5, Omega: 2.0, Fee: 3.0, CyclesTrainPerSample: 10, CyclesGeneratePerSample: 30),
        [
            new OrganizationProfile("a", 100, 50, 1e3, 1e-6, 10, 2, new LossCurve(4, 0.5, 0.1)),
            new OrganizationProfile("b", 300, 50, 2e3, 1e-6, 20, 1, new LossCurve(2, 0.25, 0.2)),
        ],
        new DenseCompetition(2, [0, 0.8, 0.8, 0]));

    [Fact]
    public void Separable_performance_components_match_a_hand_computation()
    {
        Scenario s = TwoOrganizations(GlobalLossModel.Separable, ContributionMeasure.Performance);
        Outcome o = new OutcomeEvaluator(s).Evaluate([44, 0]);

        double la = (4 / 12.0) + 0.1;            // ℓ_a(144) = 4 · 144^-0.5 + 0.1
        double lb = (2 / Math.Pow(300, 0.25)) + 0.2;
        double pa = 0.25, pb = 0.75;             // data-share weights
        double loss = 1.5 * ((pa * la) + (pb * lb));
        double xa = pa * (2.0 - (1.5 * la));      // L(−a) − L = π_a (L0 − ξ ℓ_a)
        double xb = pb * (2.0 - (1.5 * lb));
        double rho = 0.8;                         // n − 1 = 1
        double costA = (2.0 * 1e-6 * 1e6 * ((10 * 144) + (30 * 44))) + 3.0;
        double costB = (2.0 * 1e-6 * 4e6 * (10 * 300)) + 3.0;
        double clA = 1 * rho * (xa - xb);         // φ_b = 1
        double clB = 2 * rho * (xb - xa);         // φ_a = 2
        double rA = 0.5 * rho * (xa - xb);

        Assert.Equal(loss, o.GlobalLoss, 12);
        Assert.Equal(xa, o.Contribution[0], 12);
        Assert.Equal(10 * (2.0 - loss), o.Revenue[0], 10);
        Assert.Equal(costA, o.Cost[0], 9);
        Assert.Equal(costB, o.Cost[1], 9);
        Assert.Equal(clA, o.CompetitionLoss[0], 12);
        Assert.Equal(clB, o.CompetitionLoss[1], 12);
        Assert.Equal(rA, o.Transfers[0], 12);
        Assert.Equal(-rA, o.Transfers[1], 12);
        Assert.Equal((10 * (2.0 - loss)) - costA - clA + rA, o.Utilities[0], 9);
        Assert.Equal(o.Utilities.Sum(), o.SocialWelfare, 9);
    }

    [Fact]
    public void Fedavg_performance_contribution_removes_the_organization_from_the_average()
    {
        Scenario s = TwoOrganizations(GlobalLossModel.FedAvg, ContributionMeasure.Performance);
        Outcome o = new OutcomeEvaluator(s).Evaluate([44, 10]);
        double la = (4 / 12.0) + 0.1;
        double lb = (2 / Math.Pow(310, 0.25)) + 0.2;
        double loss = 1.5 * ((144 * la) + (310 * lb)) / 454;
        Assert.Equal(loss, o.GlobalLoss, 12);
        Assert.Equal((1.5 * lb) - loss, o.Contribution[0], 12);
        Assert.Equal((1.5 * la) - loss, o.Contribution[1], 12);
    }

    [Fact]
    public void Data_contribution_is_the_training_set_size()
    {
        Scenario s = TwoOrganizations(GlobalLossModel.Separable, ContributionMeasure.Data);
        Outcome o = new OutcomeEvaluator(s).Evaluate([44, 10]);
        Assert.Equal([144.0, 310.0], o.Contribution);
    }

    public static TheoryData<GlobalLossModel, ContributionMeasure> AllCombinations() => new()
    {
        { GlobalLossModel.Separable, ContributionMeasure.Performance },
        { GlobalLossModel.Separable, ContributionMeasure.Data },
        { GlobalLossModel.FedAvg, ContributionMeasure.Data },
        { GlobalLossModel.FedAvg, ContributionMeasure.Performance },
    };

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Deviation_evaluator_agrees_with_the_full_evaluation(GlobalLossModel loss, ContributionMeasure contribution)
    {
        var generator = new RandomScenarioGenerator(99);
        var random = new Random(5);
        for (int instance = 0; instance < 200; instance++)
        {
            Scenario s = generator.Next(2 + random.Next(6), loss, contribution, requirePotential: false);
            double[] g = Enumerable.Range(0, s.Count).Select(i => random.NextDouble() * s.MaxSynthetic[i]).ToArray();
            var deviation = new DeviationEvaluator(s);
            deviation.Prepare(g);
            int i = random.Next(s.Count);
            double gi = random.NextDouble() * s.MaxSynthetic[i];
            double[] moved = (double[])g.Clone();
            moved[i] = gi;
            double expected = new OutcomeEvaluator(s).Evaluate(moved).Utilities[i];
            Assert.True(Math.Abs(deviation.Utility(i, gi) - expected) <= 1e-9 * Math.Abs(expected), $"instance {instance}");
        }
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Redistribution_is_budget_balanced(GlobalLossModel loss, ContributionMeasure contribution)
    {
        var generator = new RandomScenarioGenerator(17);
        var random = new Random(2);
        for (int instance = 0; instance < 200; instance++)
        {
            Scenario s = generator.Next(2 + random.Next(20), loss, contribution, requirePotential: false);
            double[] g = Enumerable.Range(0, s.Count).Select(i => random.NextDouble() * s.MaxSynthetic[i]).ToArray();
            Outcome o = new OutcomeEvaluator(s).Evaluate(g);
            Assert.True(Math.Abs(o.BudgetResidual) <= 1e-9 * o.TransferVolume, $"instance {instance}: {o.BudgetResidual} vs {o.TransferVolume}");
        }
    }

    [Fact]
    public void Social_welfare_without_allocation_matches_the_full_outcome()
    {
        Scenario s = new RandomScenarioGenerator(8).Next(6, GlobalLossModel.FedAvg, ContributionMeasure.Performance, requirePotential: false);
        double[] g = [1, 2000, 3000, 0, 6000, 10];
        var evaluator = new OutcomeEvaluator(s);
        Assert.Equal(evaluator.Evaluate(g).SocialWelfare, evaluator.SocialWelfare(g), 9);
    }
}
