using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Potential;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Welfare;

namespace CoCoGen.Cli.Presentation;

/// <summary>Everything `cocogen solve` reports about one scenario.</summary>
/// <param name="Scenario">The solved scenario.</param>
/// <param name="Equilibrium">The equilibrium and its certificate.</param>
/// <param name="Optimum">The social optimum and price of anarchy.</param>
/// <param name="Potential">The weighted potential, or null when there is none.</param>
/// <param name="PotentialReason">Why there is no potential, or empty.</param>
/// <param name="Gamma">The welfare-maximising γ when asked for, else null.</param>
/// <param name="Participation">The participation loop's outcome when asked for, else null.</param>
internal sealed record SolveReport(
    Scenario Scenario,
    EquilibriumResult Equilibrium,
    SocialOptimumResult Optimum,
    WeightedPotential? Potential,
    string PotentialReason,
    GammaTuningResult? Gamma,
    ParticipationResult? Participation);
