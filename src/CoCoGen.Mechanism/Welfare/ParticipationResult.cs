using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Welfare;

/// <summary>The outcome of the participation loop.</summary>
/// <param name="Stayed">Ids of the organizations that remain.</param>
/// <param name="DroppedPerRound">Ids dropped in each round, in order.</param>
/// <param name="Scenario">The scenario restricted to those who stayed, or null when fewer than two stayed.</param>
/// <param name="Equilibrium">The equilibrium among those who stayed, or null when fewer than two stayed.</param>
public sealed record ParticipationResult(
    IReadOnlyList<string> Stayed,
    IReadOnlyList<IReadOnlyList<string>> DroppedPerRound,
    Scenario? Scenario,
    EquilibriumResult? Equilibrium);
