using BenchmarkDotNet.Attributes;
using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Sampling;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Benchmarks.Mechanism;

/// <summary>
/// Distributed best-response dynamics from g = 0 on a random dense scenario, including the final
/// outcome evaluation and Nash certificate, for the separable and the fedavg global loss. Valuations
/// scale with n so the equilibrium keeps a mix of zero, interior and capped organizations.
/// </summary>
[MemoryDiagnoser]
public class BestResponseBenchmarks
{
    private Scenario scenario = null!;

    [Params(10, 100)]
    public int N { get; set; }

    [Params(GlobalLossModel.Separable, GlobalLossModel.FedAvg)]
    public GlobalLossModel Loss { get; set; }

    [GlobalSetup]
    public void Setup() =>
        scenario = new RandomScenarioGenerator(7) { ValuationScale = N / 5.0 }.Next(N, Loss, ContributionMeasure.Data);

    /// <summary>Runs the dynamics to convergence.</summary>
    [Benchmark]
    public double BestResponse() => BestResponseDynamics.Solve(scenario).Outcome.SocialWelfare;
}
