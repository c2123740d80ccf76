namespace CoCoGen.Mechanism.TradeFl;

/// <summary>The result of best-response dynamics.</summary>
/// <param name="Strategies">The final profile (a Nash equilibrium when <paramref name="Converged"/>).</param>
/// <param name="Passes">Passes over all organizations run.</param>
/// <param name="Converged">Whether the last pass changed no strategy.</param>
/// <param name="PotentialTrace">U after each pass, starting with the initial profile (Fig. 4).</param>
/// <param name="PayoffTrace">C_i after each pass, starting with the initial profile (Fig. 5).</param>
public sealed record BestResponseRun(
    IReadOnlyList<TradeFlStrategy> Strategies,
    int Passes,
    bool Converged,
    IReadOnlyList<double> PotentialTrace,
    IReadOnlyList<double[]> PayoffTrace);
