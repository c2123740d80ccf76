using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Tests.Vectors;

public class SharedVectorTests
{
    public static TheoryData<string, SolverKind> Cases() => new()
    {
        { "separable-performance-4", SolverKind.ClosedForm },
        { "separable-performance-4", SolverKind.PotentialMaximizer },
        { "separable-performance-4", SolverKind.BestResponse },
        { "separable-data-4", SolverKind.ClosedForm },
        { "separable-data-4", SolverKind.PotentialMaximizer },
        { "separable-data-4", SolverKind.BestResponse },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_reproduces_with_every_solver(string name, SolverKind solver)
    {
        Scenario scenario = ScenarioJsonReader.ReadFile(VectorFiles.Path(name + ".json"));
        ExpectedEquilibrium expected = VectorFiles.Expected(name);
        EquilibriumResult result = EquilibriumSolver.Solve(scenario, solver);

        for (int i = 0; i < scenario.Count; i++)
        {
            Assert.True(Math.Abs(result.Generation[i] - expected.G[i]) <= 0.5, $"g[{i}] = {result.Generation[i]}, expected {expected.G[i]}");
            AssertRelative(expected.Utilities[i], result.Outcome.Utilities[i], 1e-6, $"utility[{i}]");
            AssertRelative(expected.Transfers[i], result.Outcome.Transfers[i], 1e-6, $"transfer[{i}]");
        }

        AssertRelative(expected.SocialWelfare, result.Outcome.SocialWelfare, 1e-6, "socialWelfare");
        Assert.True(Math.Abs(result.Outcome.BudgetResidual) <= 1e-9 * result.Outcome.TransferVolume);
        Assert.True(result.Certificate.Holds, $"certificate: max gain {result.Certificate.MaxGain}");
    }

    [Fact]
    public void Performance_vector_exercises_all_three_kkt_scenarios()
    {
        Scenario scenario = ScenarioJsonReader.ReadFile(VectorFiles.Path("separable-performance-4.json"));
        EquilibriumResult result = ClosedFormSolver.Solve(scenario);
        Assert.Equal([KktScenario.Zero, KktScenario.Cap, KktScenario.Zero, KktScenario.Interior], result.Kkt);
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: {actual} vs expected {expected}");
}
