namespace CoCoGen.Mechanism.TradeFl;

/// <summary>
/// The simulation setup of TradeFL's Section VI. Table II fixes |N| = 10, ρ = 0.01, p_i ∈ [500, 2500],
/// s_i ∈ [15, 25]·10⁹ bits, |S_i| ∈ [1000, 2000], κ = 10⁻²⁷ and F_i^(m) ∈ 3–5 GHz; the paper leaves η_i, τ, T^(1),
/// T^(3), ϖ_e, λ, G, D_min and E^comm unstated, and the values chosen for them here are properties of this setup
/// (documented in docs/mechanisms.md), not of the paper.
/// </summary>
public static class TradeFlSimulation
{
    /// <summary>The unstated parameters chosen for the simulation.</summary>
    public static TradeFlParameters DefaultParameters(double gamma) =>
        new(Gamma: gamma, Lambda: 1.0, Capacitance: 1e-27, EnergyWeight: 1e-3, DeadlineSeconds: 110.0, MinDataFraction: 0.1);

    /// <summary>Computation levels F_i^(1..3) = 3, 4, 5 GHz.</summary>
    public static IReadOnlyList<double> FrequencyLevels { get; } = [3e9, 4e9, 5e9];

    /// <summary>Draws a Table II instance.</summary>
    /// <param name="seed">Seed of every random draw.</param>
    /// <param name="gamma">γ.</param>
    /// <param name="organizations">|N|.</param>
    /// <param name="competitionMean">μ: ρ_ij = μ when <paramref name="competitionSpread"/> is 0, else ρ_ij ~ N(μ, σ = spread·μ) clipped to [0, 1].</param>
    /// <param name="competitionSpread">σ/μ (0.2 reads the paper's "σ = μ/5").</param>
    /// <param name="energyWeight">ϖ_e.</param>
    public static TradeFlGame CreateGame(
        int seed,
        double gamma,
        int organizations = 10,
        double competitionMean = 0.01,
        double competitionSpread = 0.0,
        double energyWeight = 1e-3)
    {
        var random = new Random(seed);
        var list = new TradeFlOrganization[organizations];
        for (int i = 0; i < organizations; i++)
        {
            list[i] = new TradeFlOrganization(
                Id: $"org{i + 1}",
                DataBits: Uniform(random, 15e9, 25e9),
                Samples: Math.Round(Uniform(random, 1000, 2000)),
                Profitability: Uniform(random, 500, 2500),
                CyclesPerBit: 20,
                FrequenciesHz: FrequencyLevels,
                DownloadSeconds: 5,
                UploadSeconds: 5,
                CommunicationEnergy: 1.0);
        }

        var rho = new double[organizations, organizations];
        for (int i = 0; i < organizations; i++)
        {
            for (int j = 0; j < organizations; j++)
            {
                if (i != j)
                {
                    rho[i, j] = competitionSpread == 0
                        ? competitionMean
                        : Math.Clamp(competitionMean + (competitionSpread * competitionMean * Gaussian(random)), 0, 1);
                }
            }
        }

        return new TradeFlGame(list, rho, new InverseSqrtAccuracyLoss(1.0), DefaultParameters(gamma) with { EnergyWeight = energyWeight });
    }

    /// <summary>The γ sweep of Figs 7–9 and 12: one row per (γ, scheme).</summary>
    public static IReadOnlyList<TradeFlSweepRow> GammaSweep(
        TradeFlGame game,
        IReadOnlyList<double> gammas,
        IReadOnlyList<TradeFlScheme> schemes,
        TradeFlMechanism? mechanism = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(gammas);
        ArgumentNullException.ThrowIfNull(schemes);
        mechanism ??= new TradeFlMechanism();
        var rows = new List<TradeFlSweepRow>();
        foreach (double gamma in gammas)
        {
            var g = game.WithGamma(gamma);
            foreach (var scheme in schemes)
            {
                var outcome = mechanism.Run(g, scheme);
                rows.Add(new TradeFlSweepRow(
                    gamma, scheme, outcome.SocialWelfare, outcome.TotalDamage, outcome.TotalDataFraction, outcome.Potential));
            }
        }

        return rows;
    }

    private static double Uniform(Random random, double low, double high) => low + ((high - low) * random.NextDouble());

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
