using CoCoGen.Mechanism.Potential;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Sampling;

/// <summary>
/// Seeded random scenarios with magnitudes like the shared vectors (Fashion-MNIST-sized silos,
/// GHz processors, κ = 1e-28): the instances of the property tests, the solver-agreement test and the
/// benchmarks. Every instance satisfies Remark 1 and, unless asked otherwise, has a weighted potential.
/// </summary>
public sealed class RandomScenarioGenerator
{
    private readonly Random random;

    /// <summary>Creates a generator; the same seed gives the same sequence of scenarios.</summary>
    public RandomScenarioGenerator(int seed) => random = new Random(seed);

    /// <summary>
    /// Multiplies every valuation p_i (and, for performance contribution, φ_i). With data-share weights
    /// each organization's stake in the global loss shrinks like 1/n, so large consortia need a larger
    /// scale to keep a mix of zero, interior and capped equilibria. Default 1.
    /// </summary>
    public double ValuationScale { get; init; } = 1.0;

    /// <summary>A random scenario with a dense random competition matrix.</summary>
    /// <param name="count">Number of organizations.</param>
    /// <param name="globalLoss">Global-loss model.</param>
    /// <param name="contribution">Contribution measure.</param>
    /// <param name="requirePotential">Redraw until every w_i &gt; 0 (exact combinations only).</param>
    public Scenario Next(int count, GlobalLossModel globalLoss, ContributionMeasure contribution, bool requirePotential = true)
    {
        while (true)
        {
            OrganizationProfile[] orgs = Organizations(count, contribution);
            var rho = new double[count * count];
            for (int i = 0; i < count; i++)
            {
                for (int j = i + 1; j < count; j++)
                {
                    double v = Math.Round(random.NextDouble(), 3);
                    rho[(i * count) + j] = v;
                    rho[(j * count) + i] = v;
                }
            }

            Scenario scenario = Scenario.Create(Parameters(globalLoss, contribution, orgs), orgs, new DenseCompetition(count, rho));
            if (!requirePotential || WeightedPotential.TryCreate(scenario, out _, out _)
                || !WeightedPotential.IsExactCombination(scenario))
            {
                return scenario;
            }
        }
    }

    /// <summary>A random scenario in which every pair competes with intensity <paramref name="intensity"/>:
    /// O(n) memory, for very large consortia.</summary>
    public Scenario NextUniform(int count, double intensity, GlobalLossModel globalLoss, ContributionMeasure contribution)
    {
        OrganizationProfile[] orgs = Organizations(count, contribution);
        return Scenario.Create(Parameters(globalLoss, contribution, orgs), orgs, new UniformCompetition(count, intensity));
    }

    private OrganizationProfile[] Organizations(int count, ContributionMeasure contribution)
    {
        var orgs = new OrganizationProfile[count];
        for (int i = 0; i < count; i++)
        {
            double valuation = Uniform(800, 1200) * ValuationScale;
            double rivalRate = contribution == ContributionMeasure.Performance
                ? valuation * Uniform(0.8, 1.0)
                : Uniform(5e-5, 2e-4);
            orgs[i] = new OrganizationProfile(
                $"org{i + 1}",
                Math.Round(Uniform(500, 15000)),
                6000,
                Uniform(2.5e9, 4e9),
                1e-28,
                valuation,
                rivalRate,
                new LossCurve(Uniform(5, 6.5), Uniform(0.3, 0.4), Uniform(0, 0.3)));
        }

        return orgs;
    }

    private ScenarioParameters Parameters(GlobalLossModel globalLoss, ContributionMeasure contribution, OrganizationProfile[] orgs)
    {
        double minRival = orgs.Min(o => o.RivalRate);
        double gamma = contribution == ContributionMeasure.Performance
            ? minRival * Uniform(0.3, 1.0)
            : minRival * Uniform(0, 1.0);
        double generate = contribution == ContributionMeasure.Performance ? 2e6 : 6e5;
        return new ScenarioParameters(globalLoss, contribution, 1.0, Math.Log(10), gamma, 1.0, 0.0, 1e5, generate);
    }

    private double Uniform(double low, double high) => low + ((high - low) * random.NextDouble());
}
