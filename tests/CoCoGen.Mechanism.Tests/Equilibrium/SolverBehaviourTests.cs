using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Sampling;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Tests.Vectors;

namespace CoCoGen.Mechanism.Tests.Equilibrium;

public class SolverBehaviourTests
{
    [Fact]
    public void Closed_form_refuses_fedavg()
    {
        Scenario s = new RandomScenarioGenerator(1).Next(3, GlobalLossModel.FedAvg, ContributionMeasure.Data);
        Assert.Throws<ScenarioValidationException>(() => EquilibriumSolver.Solve(s, SolverKind.ClosedForm));
    }

    [Fact]
    public void Non_positive_weight_makes_the_default_fall_back_to_best_response_and_the_potential_solver_refuse()
    {
        Scenario vector = ScenarioJsonReader.ReadFile(VectorFiles.Path("separable-performance-4.json"));
        Scenario hurt = vector.WithGamma(0).WithCompetition(vector.Competition.Scaled(10));
        string message = Assert.Throws<ScenarioValidationException>(() => EquilibriumSolver.Solve(hurt, SolverKind.PotentialMaximizer)).Message;
        Assert.Contains("potential weight w_i", message, StringComparison.Ordinal);
        Assert.Contains("organizations[", message, StringComparison.Ordinal);

        EquilibriumResult result = EquilibriumSolver.Solve(hurt);
        Assert.Equal(SolverKind.BestResponse, result.Solver);
        Assert.Contains("best-response dynamics used", result.Note, StringComparison.Ordinal);
        Assert.True(result.Certificate.Holds);
    }

    [Fact]
    public void Fedavg_with_performance_contribution_is_solved_by_certified_best_response()
    {
        var generator = new RandomScenarioGenerator(21);
        for (int instance = 0; instance < 30; instance++)
        {
            Scenario s = generator.Next(4, GlobalLossModel.FedAvg, ContributionMeasure.Performance, requirePotential: false);
            EquilibriumResult result = EquilibriumSolver.Solve(s);
            Assert.Equal(SolverKind.BestResponse, result.Solver);
            Assert.True(result.Certificate.Holds, $"instance {instance}: gain {result.Certificate.MaxGain}");
        }
    }

    [Fact]
    public void Certificate_detects_a_profitable_deviation()
    {
        Scenario s = ScenarioJsonReader.ReadFile(VectorFiles.Path("separable-performance-4.json"));
        EquilibriumResult equilibrium = ClosedFormSolver.Solve(s);
        double[] g = equilibrium.Generation.ToArray();
        g[3] += 1000;
        NashCertificate certificate = NashCertifier.Certify(s, g);
        Assert.False(certificate.Holds);
        Assert.Equal([3], certificate.Violations);
        Assert.Equal(equilibrium.Generation[3], certificate.BestDeviation[3], 0.01);
    }

    [Fact]
    public void Remark_2_exploration_flags_who_would_exit()
    {
        string json = File.ReadAllText(VectorFiles.Path("separable-data-4.json")).Replace("\"gamma\": 2.775e-05", "\"gamma\": 1e-4", StringComparison.Ordinal);
        Scenario s = ScenarioJsonReader.Read(json, new ScenarioLoadOptions(ExploreRemark2: true));
        EquilibriumResult result = EquilibriumSolver.Solve(s);
        Assert.Equal(["org1", "org4"], result.WouldExit.Select(i => s.Ids[i]));
    }

    [Fact]
    public void Closed_form_span_overload_writes_into_caller_buffers()
    {
        Scenario s = ScenarioJsonReader.ReadFile(VectorFiles.Path("separable-data-4.json"));
        var g = new double[4];
        var kkt = new KktScenario[4];
        ClosedFormSolver.Solve(s, g, kkt);
        Assert.Equal(3629.5202438752885, g[2], 6);
        Assert.Equal(KktScenario.Interior, kkt[2]);
        Assert.Throws<ArgumentException>(() => ClosedFormSolver.Solve(s, new double[3], kkt));
    }

    [Fact]
    public void Interval_maximizer_finds_interior_maxima_and_exact_corners()
    {
        (double x, double value) = IntervalMaximizer.Maximize(v => -((v - 2.5) * (v - 2.5)), 0, 10);
        Assert.Equal(2.5, x, 6);
        Assert.Equal(0, value, 10);
        Assert.Equal(10, IntervalMaximizer.Maximize(v => v, 0, 10).Argument);
        Assert.Equal(0, IntervalMaximizer.Maximize(v => -v, 0, 10).Argument);
        Assert.Equal((2.5 * Math.PI) + Math.Asin(0.01), IntervalMaximizer.Maximize(v => Math.Sin(v) + (0.01 * v), 0, 10).Argument, 5);
    }
}
