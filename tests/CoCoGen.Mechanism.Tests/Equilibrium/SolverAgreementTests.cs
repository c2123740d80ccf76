using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Tests.Equilibrium;

public class SolverAgreementTests
{
    /// <summary>Solvers agree when every g_i is within this many samples.</summary>
    private const double AgreementSamples = 0.05;

    public static TheoryData<GlobalLossModel, ContributionMeasure> ExactCombinations() => new()
    {
        { GlobalLossModel.Separable, ContributionMeasure.Performance },
        { GlobalLossModel.Separable, ContributionMeasure.Data },
        { GlobalLossModel.FedAvg, ContributionMeasure.Data },
    };

    [Theory]
    [MemberData(nameof(ExactCombinations))]
    public void Three_solvers_agree_and_are_certified_on_500_random_scenarios(GlobalLossModel loss, ContributionMeasure contribution)
    {
        var generator = new RandomScenarioGenerator(seed: 500 + (int)loss * 10 + (int)contribution);
        var random = new Random(11);
        SolverKind primary = loss == GlobalLossModel.Separable ? SolverKind.ClosedForm : SolverKind.FixedPoint;
        var kktSeen = new HashSet<KktScenario>();
        int distinctEquilibria = 0;
        for (int instance = 0; instance < 500; instance++)
        {
            Scenario scenario = generator.Next(2 + random.Next(5), loss, contribution);
            EquilibriumResult reference = EquilibriumSolver.Solve(scenario, primary);
            EquilibriumResult potential = EquilibriumSolver.Solve(scenario, SolverKind.PotentialMaximizer);
            EquilibriumResult dynamics = EquilibriumSolver.Solve(scenario, SolverKind.BestResponse);
            foreach (EquilibriumResult result in new[] { reference, potential, dynamics })
            {
                Assert.True(result.Certificate.Holds, $"instance {instance}: {result.Solver} max gain {result.Certificate.MaxGain}");
            }

            Assert.True(Agree(reference, potential), $"instance {instance}: {primary} and the potential maximiser disagree");
            if (!Agree(reference, dynamics))
            {
                // Only fedavg's non-concave potential may have several equilibria; both are certified above.
                Assert.Equal(GlobalLossModel.FedAvg, loss);
                distinctEquilibria++;
            }

            kktSeen.UnionWith(reference.Kkt);
        }

        Assert.Contains(KktScenario.Zero, kktSeen);
        Assert.Contains(KktScenario.Cap, kktSeen);
        if (loss == GlobalLossModel.Separable)
        {
            Assert.Contains(KktScenario.Interior, kktSeen);
        }

        Assert.True(distinctEquilibria <= 5, $"{distinctEquilibria} of 500 instances reached distinct certified equilibria");
    }

    private static bool Agree(EquilibriumResult a, EquilibriumResult b) =>
        a.Generation.Zip(b.Generation).All(pair => Math.Abs(pair.First - pair.Second) <= AgreementSamples);
}
