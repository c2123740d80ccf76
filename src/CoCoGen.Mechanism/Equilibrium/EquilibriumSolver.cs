using CoCoGen.Mechanism.Potential;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>
/// Picks the solver for a scenario: the closed form for separable, the fixed-point iteration for
/// fedavg with data contribution, and best-response dynamics (with a note saying why) when there is
/// no weighted potential. A requested solver that does not apply is an input error.
/// </summary>
public static class EquilibriumSolver
{
    /// <summary>Solves with <paramref name="solver"/>, or the default for the scenario when null.</summary>
    public static EquilibriumResult Solve(Scenario scenario, SolverKind? solver = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        EquilibriumResult result = solver switch
        {
            SolverKind.ClosedForm => ClosedFormSolver.Solve(scenario),
            SolverKind.FixedPoint => FixedPointSolver.Solve(scenario),
            SolverKind.PotentialMaximizer => PotentialMaximizer.Solve(scenario),
            SolverKind.BestResponse => BestResponseDynamics.Solve(scenario),
            _ => SolveDefault(scenario),
        };
        return scenario.Options.ExploreRemark2 ? result with { WouldExit = scenario.Remark2Exits() } : result;
    }

    private static EquilibriumResult SolveDefault(Scenario scenario)
    {
        if (!WeightedPotential.TryCreate(scenario, out _, out string reason))
        {
            return BestResponseDynamics.Solve(scenario, note: "best-response dynamics used: " + reason);
        }

        return scenario.Parameters.GlobalLoss == GlobalLossModel.Separable
            ? ClosedFormSolver.Solve(scenario)
            : FixedPointSolver.Solve(scenario);
    }
}
