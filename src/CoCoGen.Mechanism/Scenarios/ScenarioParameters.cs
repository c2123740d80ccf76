namespace CoCoGen.Mechanism.Scenarios;

/// <summary>The scalar, consortium-wide parameters of a scenario (model.md §1).</summary>
/// <param name="GlobalLoss">Which global-loss model applies.</param>
/// <param name="Contribution">Which contribution measure applies.</param>
/// <param name="Xi">ξ &gt; 0, task calibration factor of the global loss.</param>
/// <param name="L0">L_0 &gt; 0, loss of the untrained global model.</param>
/// <param name="Gamma">γ ≥ 0, payoff compensation rate per unit of contribution gap.</param>
/// <param name="Omega">ω ≥ 0, operating cost per joule.</param>
/// <param name="Fee">Fixed per-round fee added to every organization's cost.</param>
/// <param name="CyclesTrainPerSample">c^t &gt; 0, cycles to train on one sample.</param>
/// <param name="CyclesGeneratePerSample">c^g ≥ 0, cycles to generate one sample.</param>
public sealed record ScenarioParameters(
    GlobalLossModel GlobalLoss,
    ContributionMeasure Contribution,
    double Xi,
    double L0,
    double Gamma,
    double Omega,
    double Fee,
    double CyclesTrainPerSample,
    double CyclesGeneratePerSample);
