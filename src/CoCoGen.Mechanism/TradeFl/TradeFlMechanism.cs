namespace CoCoGen.Mechanism.TradeFl;

/// <summary>Runs any TradeFL scheme on a game and measures the outcome in that game.</summary>
public sealed class TradeFlMechanism
{
    private readonly BestResponseDynamics _dynamics;
    private readonly GeneralizedBendersSolver _benders;

    /// <summary>Creates the mechanism with the given solvers (defaults when null).</summary>
    public TradeFlMechanism(BestResponseDynamics? dynamics = null, GeneralizedBendersSolver? benders = null)
    {
        _dynamics = dynamics ?? new BestResponseDynamics();
        _benders = benders ?? new GeneralizedBendersSolver();
    }

    /// <summary>Computes the profile of <paramref name="scheme"/> and its payoffs, welfare, damage and transfers.</summary>
    public TradeFlOutcome Run(TradeFlGame game, TradeFlScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(game);
        IReadOnlyList<TradeFlStrategy> strategies;
        int iterations;
        IReadOnlyList<double> trace;
        switch (scheme)
        {
            case TradeFlScheme.Cgbd:
                var solution = _benders.Solve(game);
                (strategies, iterations, trace) = (solution.Strategies, solution.Iterations, solution.PotentialTrace);
                break;
            case TradeFlScheme.Tos:
                strategies = game.Organizations
                    .Select(o => new TradeFlStrategy(1.0, o.FrequenciesHz.Count - 1))
                    .ToArray();
                (iterations, trace) = (0, [game.Potential(strategies)]);
                break;
            default:
                var run = _dynamics.Run(game, scheme);
                (strategies, iterations, trace) = (run.Strategies, run.Passes, run.PotentialTrace);
                break;
        }

        return Measure(game, scheme, strategies, iterations, trace);
    }

    /// <summary>Measures a given profile in the game.</summary>
    public static TradeFlOutcome Measure(
        TradeFlGame game,
        TradeFlScheme scheme,
        IReadOnlyList<TradeFlStrategy> strategies,
        int iterations,
        IReadOnlyList<double> trace)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(strategies);
        int n = game.Count;
        var payoffs = new double[n];
        var redistributions = new double[n];
        var transfers = new double[n, n];
        double data = 0;
        for (int i = 0; i < n; i++)
        {
            payoffs[i] = game.Payoff(i, strategies);
            redistributions[i] = game.TotalRedistribution(i, strategies);
            data += strategies[i].DataFraction;
            for (int j = 0; j < n; j++)
            {
                transfers[i, j] = game.Redistribution(i, j, strategies);
            }
        }

        return new TradeFlOutcome(
            scheme,
            strategies,
            payoffs,
            redistributions,
            transfers,
            payoffs.Sum(),
            game.Potential(strategies),
            game.TotalDamage(strategies),
            data,
            iterations,
            trace);
    }
}
