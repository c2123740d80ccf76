namespace CoCoGen.Mechanism.Tests.ReciprocalFairness;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>The worked examples of "You Get What You Give": two agents, a(s) = 1 − 1/(‖s‖₁ + 1), c = (0.1, 0.25).</summary>
public class PaperExampleTests
{
    internal static FederationInstance TwoAgents(double cap = 100) => new(
        new PowerLawAccuracy(2, alpha: 1, beta: 1),
        [new AgentCost(0.1, 0, cap), new AgentCost(0.25, 0, cap)]);

    private static readonly FederationBestResponseDynamics Dynamics = new(StepSize: 5, Iterations: 20_000, Tolerance: 1e-12);

    [Fact]
    public void Example3WithoutPaymentsAgent2FreeRides()
    {
        var ne = Dynamics.Run(TwoAgents(), new NoPaymentMechanism()).Samples;
        Assert.Equal(Math.Sqrt(10) - 1, ne[0], 6); // 2.16
        Assert.Equal(0, ne[1], 12);
        Assert.Equal(2.16, ne[0], 2);
    }

    [Fact]
    public void Example4MShapEquilibriumIs3And117AndParetoDominates()
    {
        var instance = TwoAgents();
        var shap = Dynamics.Run(instance, new ShapleyMechanism()).Samples;
        Assert.Equal(3.0, shap[0], 2);
        Assert.Equal(1.17, shap[1], 2);
        var none = Dynamics.Run(instance, new NoPaymentMechanism()).Samples;
        Assert.True(shap[0] >= none[0] && shap[1] >= none[1]);
        Assert.True(FederationMetrics.DataGain(shap, none) > 1.8, "almost twice the data is shared");
    }

    [Fact]
    public void Example7AccuracyShapingEquilibriumIsNotReciprocal()
    {
        var instance = TwoAgents();
        var standalone = AccuracyShapingEquilibrium.StandaloneOptima(instance);
        Assert.Equal(2.16, standalone[0], 2);
        Assert.Equal(1.0, standalone[1], 9);

        var s = AccuracyShapingEquilibrium.Solve(instance);
        Assert.Equal(3.98, s[0], 2);
        Assert.Equal(2.46, s[1], 2);

        var phi = ShapleyValues.Exact(instance, s);
        // The paper rounds s to (3.98, 2.46) before computing φ; the unrounded equilibrium moves φ₂ by 4·10⁻⁴.
        Assert.InRange(phi[0], 0.9538 - 1e-3, 0.9538 + 1e-3);
        Assert.InRange(phi[1], 0.7772 - 1e-3, 0.7772 + 1e-3);
        Assert.InRange(instance.Model.Payoff(0, s), 0.8656 - 1e-4, 0.8656 + 1e-4);
        double reciprocity = FederationMetrics.Reciprocity(instance, s, new double[2], phi);
        Assert.Equal(0.9, reciprocity, 1);
        Assert.True(reciprocity < 1);
    }

    [Fact]
    public void StochasticBestResponseReachesTheSameEquilibrium()
    {
        var stochastic = new FederationBestResponseDynamics(StepSize: 5, Iterations: 40_000, SampledAgents: 1, Seed: 9, Tolerance: 1e-12)
            .Run(TwoAgents(), new ShapleyMechanism()).Samples;
        Assert.Equal(3.0, stochastic[0], 2);
        Assert.Equal(1.17, stochastic[1], 2);
    }
}
