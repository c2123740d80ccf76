namespace CoCoGen.Mechanism.TradeFl;

/// <summary>The result of CGBD.</summary>
/// <param name="Strategies">The maximizer π* of the potential.</param>
/// <param name="Potential">U(π*).</param>
/// <param name="Iterations">Benders iterations run.</param>
/// <param name="PotentialTrace">Best potential found after each iteration (Fig. 4).</param>
/// <param name="UpperBound">The master problem's final bound on max U (equals U(π*) at convergence).</param>
public sealed record TradeFlSolution(
    IReadOnlyList<TradeFlStrategy> Strategies,
    double Potential,
    int Iterations,
    IReadOnlyList<double> PotentialTrace,
    double UpperBound);
