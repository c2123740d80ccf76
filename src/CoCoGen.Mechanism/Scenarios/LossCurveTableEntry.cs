namespace CoCoGen.Mechanism.Scenarios;

/// <summary>The loss curves of every organization for one Dirichlet heterogeneity level α.</summary>
/// <param name="Alpha">α &gt; 0; smaller means more heterogeneous label distributions.</param>
/// <param name="Curves">One curve per organization, in scenario order.</param>
public sealed record LossCurveTableEntry(double Alpha, IReadOnlyList<LossCurve> Curves);
