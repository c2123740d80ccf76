using CoCoGen.Mechanism.Baselines;
using CoCoGen.Mechanism.Equilibrium;

namespace CoCoGen.Mechanism.Sweeps;

/// <summary>One point of a sweep: the equilibrium at (series, x) and every baseline's welfare.</summary>
/// <param name="Series">The series label, e.g. "alpha=0.1".</param>
/// <param name="X">The swept value.</param>
/// <param name="Rho">Mean raw intensity ρ̄ at this point.</param>
/// <param name="Alpha">Heterogeneity level α at this point (NaN when the scenario has no table).</param>
/// <param name="Gamma">γ at this point.</param>
/// <param name="Solver">Which solver produced the equilibrium.</param>
/// <param name="AverageGeneration">Mean g_i* at equilibrium.</param>
/// <param name="SocialWelfare">SW at equilibrium.</param>
/// <param name="CertificateHolds">Whether the equilibrium's Nash certificate holds.</param>
/// <param name="Baselines">Every rule's score, CoCoGen+ first.</param>
public sealed record SweepPoint(
    string Series,
    double X,
    double Rho,
    double Alpha,
    double Gamma,
    SolverKind Solver,
    double AverageGeneration,
    double SocialWelfare,
    bool CertificateHolds,
    IReadOnlyList<BaselineScore> Baselines);
