using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Welfare;

/// <summary>
/// Individual rationality enforced by exit (model.md §6): drop every organization with U_i &lt; 0,
/// re-solve among the rest (ρ̂ renormalised by the new n − 1, data-share weights recomputed), and repeat
/// until nobody else leaves.
/// </summary>
public static class ParticipationLoop
{
    /// <summary>Runs the loop from the full scenario.</summary>
    public static ParticipationResult Run(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var dropped = new List<IReadOnlyList<string>>();
        Scenario current = scenario;
        while (true)
        {
            EquilibriumResult equilibrium = EquilibriumSolver.Solve(current);
            IReadOnlyList<int> leaving = equilibrium.Outcome.IrrationalOrganizations();
            if (leaving.Count == 0)
            {
                return new ParticipationResult(current.Ids, dropped, current, equilibrium);
            }

            dropped.Add(leaving.Select(i => current.Ids[i]).ToArray());
            int[] staying = Enumerable.Range(0, current.Count).Except(leaving).ToArray();
            if (staying.Length < 2)
            {
                return new ParticipationResult(staying.Select(i => current.Ids[i]).ToArray(), dropped, null, null);
            }

            current = current.Subset(staying);
        }
    }
}
