namespace CoCoGen.Mechanism.Tests.ReciprocalFairness;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.ReciprocalFairness;

public class CostSharingMechanismTests
{
    [Fact]
    public void PaymentsRefundTheCostShareAndChargeTheOthersEqually()
    {
        // Costs at s = (10, 20, 30) with γ = 0.1: (1, 2, 3). By hand with β = 0.8:
        // p_1 = 0.8·(1 − (2 + 3)/2) = −1.2, p_2 = 0.8·(2 − 2) = 0, p_3 = 0.8·(3 − 1.5) = 1.2.
        var instance = new FederationInstance(new PowerLawAccuracy(3, 0.5, 0.5), [new AgentCost(0.1, 0, 100), new AgentCost(0.1, 0, 100), new AgentCost(0.1, 0, 100)]);
        var p = new CostSharingMechanism(0.8).Payments(instance, [10, 20, 30]);
        Assert.Equal(-1.2, p[0], 12);
        Assert.Equal(0.0, p[1], 12);
        Assert.Equal(1.2, p[2], 12);
    }

    [Fact]
    public void PaymentsAreBudgetBalancedWithFixedCosts()
    {
        var instance = new FederationInstance(
            new PowerLawAccuracy(6, alpha: 0.7, beta: 0.4),
            Enumerable.Range(0, 6).Select(i => new AgentCost(0.003 * (i + 1), 0.05 * i, 50)).ToArray());
        var random = new Random(5);
        for (int trial = 0; trial < 20; trial++)
        {
            var s = Enumerable.Range(0, 6).Select(_ => 50 * random.NextDouble()).ToArray();
            Assert.Equal(0, new CostSharingMechanism(random.NextDouble() * 0.99).Payments(instance, s).Sum(), 12);
        }
    }

    [Fact]
    public void EquilibriumTotalMatchesTheFirstOrderConditionSolvedByHand()
    {
        // a(S) = 1 − α(S + 1)^(−b) for every agent and equal γ: at an interior NE of M^BG, a′(S) = (1 − β)γ, so
        // S* = (α b / ((1 − β) γ))^(1/(b+1)) − 1; M^0 is the same with β = 0.
        const double alpha = 0.8, b = 0.5, gamma = 0.002, beta = 0.8;
        var instance = new FederationInstance(new PowerLawAccuracy(4, alpha, b), Enumerable.Repeat(new AgentCost(gamma, 0, 1000), 4).ToArray());
        var dynamics = new FederationBestResponseDynamics(StepSize: 500, Iterations: 200_000, Tolerance: 1e-11);
        var bg = dynamics.Run(instance, new CostSharingMechanism(beta));
        var none = dynamics.Run(instance, new NoPaymentMechanism());
        Assert.Equal(Math.Pow(alpha * b / ((1 - beta) * gamma), 1 / (b + 1)) - 1, bg.Samples.Sum(), 1e-4);
        Assert.Equal(Math.Pow(alpha * b / gamma, 1 / (b + 1)) - 1, none.Samples.Sum(), 1e-4);
        Assert.True(bg.Samples.Sum() > none.Samples.Sum());
    }

    [Fact]
    public void WithCostShareOneMinusOneOverNTheEquilibriumMaximizesWelfareOfIdenticalPayoffs()
    {
        // W(s) = n·a(S) − γS peaks where n·a′(S) = γ, which is the NE condition a′(S) = (1 − β)γ with β = 1 − 1/n.
        const int n = 5;
        var instance = new FederationInstance(new PowerLawAccuracy(n, 0.9, 0.6), Enumerable.Repeat(new AgentCost(0.004, 0, 500), n).ToArray());
        var ne = new FederationBestResponseDynamics(StepSize: 500, Iterations: 200_000, Tolerance: 1e-11)
            .Run(instance, new CostSharingMechanism(1 - (1.0 / n))).Samples.ToArray();
        double welfare = instance.Welfare(ne);
        var none = new FederationBestResponseDynamics(StepSize: 500, Iterations: 200_000, Tolerance: 1e-11).Run(instance, new NoPaymentMechanism()).Samples.ToArray();
        Assert.True(welfare > instance.Welfare(none) + 1e-3, $"M^BG welfare {welfare} vs M^0 {instance.Welfare(none)}");
        foreach (double scale in new[] { 0.8, 0.95, 1.05, 1.2 })
        {
            Assert.True(instance.Welfare(ne.Select(x => x * scale).ToArray()) < welfare);
        }
    }

    [Fact]
    public void RefusesACostShareOutsideTheUnitInterval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CostSharingMechanism(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CostSharingMechanism(-0.1));
    }
}
