using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>An equilibrium with everything needed to trust and report it.</summary>
/// <param name="Solver">Which solver produced it.</param>
/// <param name="Generation">g_i* per organization.</param>
/// <param name="Kkt">The KKT scenario of each organization.</param>
/// <param name="Outcome">Every utility component at g*.</param>
/// <param name="Certificate">The Nash certificate.</param>
/// <param name="Iterations">Iterations or sweeps the solver used (1 for the closed form).</param>
/// <param name="Note">Why a fallback solver was used, or empty.</param>
public sealed record EquilibriumResult(
    SolverKind Solver,
    IReadOnlyList<double> Generation,
    IReadOnlyList<KktScenario> Kkt,
    Outcome Outcome,
    NashCertificate Certificate,
    int Iterations,
    string Note)
{
    /// <summary>Organizations Remark 2 says would exit (φ_j &lt; γ); empty under Remark 1.</summary>
    public IReadOnlyList<int> WouldExit { get; init; } = [];
}
