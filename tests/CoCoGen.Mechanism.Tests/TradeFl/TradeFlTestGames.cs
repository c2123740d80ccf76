namespace CoCoGen.Mechanism.Tests.TradeFl;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.TradeFl;

/// <summary>Random TradeFL instances for property tests; every draw takes a seed.</summary>
internal static class TradeFlTestGames
{
    public static TradeFlGame Random(int seed, int organizations, bool symmetric = false, double gamma = 5e-9)
    {
        var random = new Random(seed);
        var game = TradeFlSimulation.CreateGame(seed, gamma, organizations);
        var rho = new double[organizations, organizations];
        for (int i = 0; i < organizations; i++)
        {
            for (int j = 0; j < organizations; j++)
            {
                if (i == j)
                {
                    continue;
                }

                rho[i, j] = symmetric && j < i ? rho[j, i] : 0.02 * random.NextDouble();
            }
        }

        return game.WithCompetition(rho);
    }

    public static TradeFlStrategy[] RandomProfile(TradeFlGame game, Random random)
    {
        var profile = new TradeFlStrategy[game.Count];
        for (int i = 0; i < game.Count; i++)
        {
            profile[i] = RandomStrategy(game, i, random);
        }

        return profile;
    }

    public static TradeFlStrategy RandomStrategy(TradeFlGame game, int i, Random random)
    {
        int level = random.Next(game.Organizations[i].FrequenciesHz.Count);
        double d = game.Parameters.MinDataFraction + ((1 - game.Parameters.MinDataFraction) * random.NextDouble());
        return new TradeFlStrategy(d, level);
    }
}
