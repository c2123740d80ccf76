namespace CoCoGen.Mechanism.Tests.ReciprocalFairness;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.ReciprocalFairness;

public class ShapleyMechanismTests
{
    [Fact]
    public void PaymentsAreBudgetBalancedEvenWhenTheEmptyFederationHasAccuracy()
    {
        var instance = new FederationInstance(
            new PowerLawAccuracy(5, alpha: 0.6, beta: 0.7),
            Enumerable.Range(0, 5).Select(i => new AgentCost(0.01 * (i + 1), 0.1, 20)).ToArray());
        var random = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            var s = Enumerable.Range(0, 5).Select(_ => 20 * random.NextDouble()).ToArray();
            var p = new ShapleyMechanism().Payments(instance, s);
            Assert.Equal(0, p.Sum(), 12);
        }
    }

    [Fact]
    public void EquilibriumIsFullyReciprocalAndIndividuallyRational()
    {
        var instance = ShapleyValueTests.RandomGrouped(11, 6, 3);
        var mechanism = new ShapleyMechanism();
        var ne = new FederationBestResponseDynamics(StepSize: 2000, Iterations: 5000, Tolerance: 1e-9).Run(instance, mechanism);
        var payments = mechanism.Payments(instance, ne.Samples);
        var phi = ShapleyValues.Exact(instance, ne.Samples);
        Assert.Equal(1.0, FederationMetrics.Reciprocity(instance, ne.Samples, payments, phi), 12);
        Assert.Equal(0, payments.Sum(), 12);
        Assert.All(FederationMetrics.Utilities(instance, ne.Samples, payments), u => Assert.True(u >= 0));
        Assert.True(ne.Residual <= 1e-9, $"residual {ne.Residual}");
    }

    [Fact]
    public void Theorem49BoundsHoldForPowerLawPayoffsAndLinearCosts()
    {
        const int n = 4;
        const double alpha = 0.8;
        const double beta = 0.5;
        var gammas = new[] { 0.004, 0.006, 0.01, 0.02 };
        var instance = new FederationInstance(
            new PowerLawAccuracy(n, alpha, beta),
            gammas.Select(g => new AgentCost(g, 0, 1000)).ToArray());
        var dynamics = new FederationBestResponseDynamics(StepSize: 200, Iterations: 200_000, Tolerance: 1e-10);
        var shap = dynamics.Run(instance, new ShapleyMechanism()).Samples;
        var none = dynamics.Run(instance, new NoPaymentMechanism()).Samples;
        double dataBound = Math.Pow(n, 1 / (beta + 1));
        double accuracyBound = 1 + (Math.Pow(alpha, 1 / (beta + 1)) * Math.Pow(beta, -beta / (beta + 1))
            * Math.Pow(gammas.Min(), beta / (beta + 1)) * (1 - Math.Pow(n, -beta / (1 + beta))));
        Assert.True(FederationMetrics.DataGain(shap, none) >= dataBound, $"data gain {FederationMetrics.DataGain(shap, none)} < {dataBound}");
        Assert.True(FederationMetrics.AccuracyGain(instance, shap, none) >= accuracyBound);
    }

    [Fact]
    public void WelfareOfTheMShapEquilibriumBeatsEveryParetoDominatingVector()
    {
        var instance = PaperExampleTests.TwoAgents();
        var ne = new FederationBestResponseDynamics(StepSize: 5, Iterations: 20_000, Tolerance: 1e-12).Run(instance, new ShapleyMechanism()).Samples.ToArray();
        double welfare = instance.Welfare(ne);
        var random = new Random(2);
        for (int trial = 0; trial < 50; trial++)
        {
            var s = ne.Select(x => x + (3 * random.NextDouble())).ToArray();
            Assert.True(instance.Welfare(s) < welfare); // Theorem 4.8
        }
    }

    [Fact]
    public void IdenticalAgentsAreTreatedEqually()
    {
        var w = new double[,] { { 2e-3, 5e-4 }, { 7e-4, 1.5e-3 } };
        var instance = new FederationInstance(
            new GroupedAccuracy(w, [0, 0, 1, 0]),
            [new AgentCost(4e-4, 0, 200), new AgentCost(4e-4, 0, 200), new AgentCost(1e-4, 0, 200), new AgentCost(9e-4, 0, 200)]);
        var p = new ShapleyMechanism().Payments(instance, [50, 50, 120, 10]);
        Assert.Equal(p[0], p[1], 14); // Theorem 4.7: equal treatment of equals
        Assert.NotEqual(p[0], p[3], 6);
    }

    [Fact]
    public void BadInstancesNameTheField()
    {
        var cost = Assert.Throws<ArgumentException>(() => new FederationInstance(
            new PowerLawAccuracy(2, 1, 1), [new AgentCost(0.1, 0, 10), new AgentCost(-1, 0, 10)], ["a", "b"]));
        Assert.Contains("agents[1] (b): costPerSample", cost.Message, StringComparison.Ordinal);
        var beta = Assert.Throws<ArgumentException>(() => new PowerLawAccuracy(2, 1, 1.5));
        Assert.Contains("beta", beta.Message, StringComparison.Ordinal);
        var group = Assert.Throws<ArgumentException>(() => new GroupedAccuracy(new double[2, 2], [0, 2]));
        Assert.Contains("groups[1]", group.Message, StringComparison.Ordinal);
    }
}
