using BenchmarkDotNet.Attributes;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Sweeps;

namespace CoCoGen.Benchmarks.Mechanism;

/// <summary>
/// The full 3×3 sweep (ρ̄ ∈ {0.1, 0.5, 0.9} × three α levels) on the shipped 10-organization example:
/// nine certified equilibria plus the five baselines at each point (WCO solves its own equilibrium).
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    private Scenario scenario = null!;

    [GlobalSetup]
    public void Setup() => scenario = ScenarioJsonReader.ReadFile(ExampleScenario.Path("fashion-mnist-10.json"));

    /// <summary>Runs the sweep.</summary>
    [Benchmark]
    public int RhoByAlphaWithBaselines() => SweepRunner.Run(scenario, SweepAxis.Rho).Points.Count;
}
