using BenchmarkDotNet.Attributes;
using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Sampling;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Benchmarks.Mechanism;

/// <summary>
/// Theorem 2's closed form for n organizations (separable loss, performance contribution, uniform
/// ρ̄ = 0.5 so the competition products are O(n)). Scenario construction, which precomputes k_i, is
/// setup; the measured calls write into preallocated buffers.
/// </summary>
[MemoryDiagnoser]
public class ClosedFormBenchmarks
{
    private Scenario scenario = null!;
    private double[] g = null!;
    private KktScenario[] kkt = null!;
    private OutcomeEvaluator evaluator = null!;

    [Params(10, 1_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        scenario = new RandomScenarioGenerator(42).NextUniform(N, 0.5, GlobalLossModel.Separable, ContributionMeasure.Performance);
        g = new double[N];
        kkt = new KktScenario[N];
        evaluator = new OutcomeEvaluator(scenario);
    }

    /// <summary>g* and the KKT scenario of every organization.</summary>
    [Benchmark]
    public double Solve()
    {
        ClosedFormSolver.Solve(scenario, g, kkt);
        return g[0];
    }

    /// <summary>g* plus every utility component summed to social welfare.</summary>
    [Benchmark]
    public double SolveAndWelfare()
    {
        ClosedFormSolver.Solve(scenario, g, kkt);
        return evaluator.SocialWelfare(g);
    }
}
