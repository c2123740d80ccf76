using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Sampling;
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

    [Fact]
    public void Fedavg_interior_equilibria_of_a_dominant_organization_agree_across_solvers()
    {
        // Interior fedavg equilibria need one organization whose data dominates the average, so that its
        // utility behaves like the concave separable case; random instances of that shape.
        var random = new Random(3);
        int interior = 0;
        for (int instance = 0; instance < 40; instance++)
        {
            Scenario scenario = DominantOrganization(random);
            EquilibriumResult reference = EquilibriumSolver.Solve(scenario, SolverKind.FixedPoint);
            EquilibriumResult potential = EquilibriumSolver.Solve(scenario, SolverKind.PotentialMaximizer);
            EquilibriumResult dynamics = EquilibriumSolver.Solve(scenario, SolverKind.BestResponse);
            foreach (EquilibriumResult result in new[] { reference, potential, dynamics })
            {
                Assert.True(result.Certificate.Holds, $"instance {instance}: {result.Solver} max gain {result.Certificate.MaxGain}");
            }

            Assert.True(Agree(reference, potential), $"instance {instance}: fixed point and potential maximiser disagree");
            Assert.True(Agree(reference, dynamics), $"instance {instance}: fixed point and best response disagree");
            interior += reference.Kkt.Count(k => k == KktScenario.Interior);
        }

        Assert.True(interior >= 10, $"only {interior} interior strategies");
    }

    private static Scenario DominantOrganization(Random random)
    {
        int n = 2 + random.Next(3);
        OrganizationProfile[] orgs = Enumerable.Range(0, n)
            .Select(i => new OrganizationProfile(
                $"org{i + 1}",
                i == 0 ? Math.Round(20000 + (random.NextDouble() * 80000)) : Math.Round(500 + (random.NextDouble() * 3000)),
                i == 0 ? 100000 : 6000,
                2.5e9 + (random.NextDouble() * 1.5e9),
                1e-28,
                800 + (random.NextDouble() * 400),
                1e-4,
                new LossCurve(5 + (random.NextDouble() * 1.5), 0.3 + (random.NextDouble() * 0.1), 0.05 + (random.NextDouble() * 0.2))))
            .ToArray();
        var rho = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                rho[(i * n) + j] = rho[(j * n) + i] = Math.Round(random.NextDouble(), 3);
            }
        }

        var parameters = new ScenarioParameters(
            GlobalLossModel.FedAvg, ContributionMeasure.Data, 1, Math.Log(10), 5e-5, 1, 0, 1e5, random.NextDouble() * 2e6);
        return Scenario.Create(parameters, orgs, new DenseCompetition(n, rho));
    }

    private static bool Agree(EquilibriumResult a, EquilibriumResult b) =>
        a.Generation.Zip(b.Generation).All(pair => Math.Abs(pair.First - pair.Second) <= AgreementSamples);
}
