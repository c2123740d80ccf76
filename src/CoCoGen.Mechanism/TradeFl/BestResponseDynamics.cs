namespace CoCoGen.Mechanism.TradeFl;

/// <summary>
/// DBR (Algorithm 2 of TradeFL) and the DBR-based baselines: starting from d_i = D_min, f_i = F_i^(m), each
/// organization in turn replaces its strategy by its best response (24) over its strategy space until a whole
/// pass changes nothing or H passes have run. A best response at a fixed frequency level is the concave
/// one-dimensional problem solved exactly by <see cref="DataAllocationSolver"/>; the levels are enumerated, which is
/// what a GBD with an enumerating master reduces to for one organization.
/// </summary>
public sealed class BestResponseDynamics
{
    private readonly int _maxPasses;
    private readonly double _gridStep;

    /// <summary>Creates the dynamics.</summary>
    /// <param name="maxPasses">H, the cap on passes over all organizations.</param>
    /// <param name="gridStep">e, the data grid step of the FIP baseline.</param>
    public BestResponseDynamics(int maxPasses = 500, double gridStep = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPasses);
        if (!(gridStep > 0 && gridStep <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gridStep), gridStep, "gridStep must lie in (0, 1].");
        }

        _maxPasses = maxPasses;
        _gridStep = gridStep;
    }

    /// <summary>Runs the dynamics of <paramref name="scheme"/> (DBR, WPR, GCA or FIP) on <paramref name="game"/>.</summary>
    public BestResponseRun Run(TradeFlGame game, TradeFlScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (scheme is TradeFlScheme.Cgbd or TradeFlScheme.Tos)
        {
            throw new ArgumentException($"{scheme} is not a best-response scheme.", nameof(scheme));
        }

        // WPR: organizations ignore Eq. 10 when deciding; outcomes are still measured in the real game.
        var decisionGame = scheme == TradeFlScheme.Wpr ? game.WithGamma(0) : game;
        int n = game.Count;
        var strategies = new TradeFlStrategy[n];
        for (int i = 0; i < n; i++)
        {
            strategies[i] = new TradeFlStrategy(game.Parameters.MinDataFraction, game.Organizations[i].FrequenciesHz.Count - 1);
            if (scheme == TradeFlScheme.Gca)
            {
                strategies[i] = strategies[i] with { FrequencyLevel = GreedyLevel(game, i, strategies[i].DataFraction) };
            }
        }

        var potentials = new List<double> { game.Potential(strategies) };
        var payoffs = new List<double[]> { Payoffs(game, strategies) };
        int passes = 0;
        bool changed = true;
        while (changed && passes < _maxPasses)
        {
            changed = false;
            passes++;
            for (int i = 0; i < n; i++)
            {
                var response = BestResponse(decisionGame, scheme, i, strategies);
                if (response != strategies[i])
                {
                    double before = decisionGame.Payoff(i, strategies);
                    var old = strategies[i];
                    strategies[i] = response;
                    double after = decisionGame.Payoff(i, strategies);
                    if (after > before + (1e-12 * Math.Max(1.0, Math.Abs(before))))
                    {
                        changed = true;
                    }
                    else
                    {
                        strategies[i] = old;
                    }
                }
            }

            potentials.Add(game.Potential(strategies));
            payoffs.Add(Payoffs(game, strategies));
        }

        return new BestResponseRun(strategies, passes, !changed, potentials, payoffs);
    }

    /// <summary>Best response of organization i to the others' strategies within the scheme's strategy space.</summary>
    public TradeFlStrategy BestResponse(TradeFlGame game, TradeFlScheme scheme, int i, IReadOnlyList<TradeFlStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(strategies);
        var levels = game.Organizations[i].FrequenciesHz;
        double dMin = game.Parameters.MinDataFraction;
        var trial = strategies.ToArray();
        TradeFlStrategy best = strategies[i];
        double bestPayoff = game.IsFeasible(i, best) ? game.Payoff(i, strategies) : double.NegativeInfinity;
        for (int l = 0; l < levels.Count; l++)
        {
            double upper = game.MaxDataFraction(i, levels[l]);
            double lower = dMin;
            if (scheme == TradeFlScheme.Gca)
            {
                double top = levels[^1];
                lower = l == 0 ? dMin : Math.Max(dMin, levels[l - 1] / top * (1 + 1e-12));
                upper = Math.Min(upper, levels[l] / top);
            }

            if (upper < lower)
            {
                continue;
            }

            if (scheme == TradeFlScheme.Fip)
            {
                for (int g = 1; g * _gridStep <= 1 + 1e-12; g++)
                {
                    double d = Math.Min(1.0, g * _gridStep);
                    if (d >= lower - 1e-12 && d <= upper + 1e-12)
                    {
                        Consider(new TradeFlStrategy(d, l));
                    }
                }

                continue;
            }

            Consider(new TradeFlStrategy(OptimalFraction(game, i, strategies, l, lower, upper), l));
        }

        return best;

        void Consider(TradeFlStrategy candidate)
        {
            trial[i] = candidate;
            double payoff = game.Payoff(i, trial);
            if (payoff > bestPayoff + (1e-12 * Math.Max(1.0, Math.Abs(bestPayoff))))
            {
                bestPayoff = payoff;
                best = candidate;
            }
        }
    }

    /// <summary>The GCA level: the lowest level with f ≥ k·d, k = F^(m).</summary>
    internal static int GreedyLevel(TradeFlGame game, int i, double dataFraction)
    {
        var levels = game.Organizations[i].FrequenciesHz;
        for (int l = 0; l < levels.Count; l++)
        {
            if (levels[l] >= dataFraction * levels[^1] * (1 - 1e-12))
            {
                return l;
            }
        }

        return levels.Count - 1;
    }

    private static double OptimalFraction(TradeFlGame game, int i, IReadOnlyList<TradeFlStrategy> strategies, int level, double lower, double upper)
    {
        var o = game.Organizations[i];
        var p = game.Parameters;
        double f = o.FrequenciesHz[level];
        double others = game.ContributedSamples(strategies) - (strategies[i].DataFraction * o.Samples);
        double cost = (p.EnergyWeight * p.Capacitance * f * f * o.CyclesPerBit * o.DataBits)
            - (p.Gamma * game.CompetitionSum(i) * o.DataBits);
        Span<double> fraction = stackalloc double[1];
        Span<int> order = stackalloc int[1];
        DataAllocationSolver.Solve(
            game.Accuracy, game.PotentialWeight(i), others, [o.Samples], [cost], [lower], [upper], fraction, order);
        return fraction[0];
    }

    private static double[] Payoffs(TradeFlGame game, IReadOnlyList<TradeFlStrategy> strategies)
    {
        var result = new double[game.Count];
        for (int i = 0; i < game.Count; i++)
        {
            result[i] = game.Payoff(i, strategies);
        }

        return result;
    }
}
