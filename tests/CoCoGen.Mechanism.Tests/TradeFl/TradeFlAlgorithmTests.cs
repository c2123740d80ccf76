namespace CoCoGen.Mechanism.Tests.TradeFl;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.TradeFl;

public class TradeFlAlgorithmTests
{
    [Fact]
    public void DataAllocationSatisfiesTheKktConditions()
    {
        var accuracy = new InverseSqrtAccuracyLoss(2);
        var random = new Random(4);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = 1 + random.Next(8);
            var w = new double[n];
            var c = new double[n];
            var lo = new double[n];
            var hi = new double[n];
            for (int i = 0; i < n; i++)
            {
                w[i] = 1000 + (1000 * random.NextDouble());
                c[i] = (random.NextDouble() - 0.2) * 2e-4;
                lo[i] = 0.1 * random.NextDouble();
                hi[i] = lo[i] + random.NextDouble();
            }

            var d = new double[n];
            double omega = DataAllocationSolver.Solve(accuracy, 1.0, 50, w, c, lo, hi, d, new int[n]);
            double slope = accuracy.Derivative(omega);
            double check = 50;
            for (int i = 0; i < n; i++)
            {
                check += w[i] * d[i];
                double gain = (w[i] * slope) - c[i];
                double tol = 1e-9 * Math.Max(Math.Abs(c[i]), w[i] * slope);
                if (d[i] > lo[i] + 1e-12)
                {
                    Assert.True(gain >= -tol, $"trial {trial}: i={i} above its lower bound with negative gain {gain}");
                }

                if (d[i] < hi[i] - 1e-12)
                {
                    Assert.True(gain <= tol, $"trial {trial}: i={i} below its upper bound with positive gain {gain}");
                }
            }

            Assert.Equal(check, omega, 6);
        }
    }

    [Fact]
    public void CgbdFindsTheGlobalMaximumOfThePotential()
    {
        var benders = new GeneralizedBendersSolver();
        for (int seed = 0; seed < 6; seed++)
        {
            var game = TradeFlTestGames.Random(300 + seed, 4, gamma: (seed + 1) * 2.5e-9);
            var solution = benders.Solve(game);
            double bruteForce = BruteForceMaximum(game);
            Assert.Equal(bruteForce, solution.Potential, 9);
            Assert.True(solution.UpperBound >= solution.Potential - 1e-9);
            for (int i = 0; i < game.Count; i++)
            {
                Assert.True(game.IsFeasible(i, solution.Strategies[i]), $"seed {seed}: organization {i} misses the deadline");
            }
        }
    }

    [Fact]
    public void CgbdLearnsFeasibilityCutsWhenLowLevelsMissTheDeadline()
    {
        var benders = new GeneralizedBendersSolver();
        for (int seed = 0; seed < 4; seed++)
        {
            // A 10 s training budget: D_min at 3 GHz takes 10–17 s, so the master must learn to avoid low levels.
            var loose = TradeFlTestGames.Random(500 + seed, 4, gamma: 4e-9);
            var game = new TradeFlGame(loose.Organizations, loose.Competition, loose.Accuracy, loose.Parameters with { DeadlineSeconds = 20 });
            Assert.Contains(Enumerable.Range(0, game.Count), i => game.MaxDataFraction(i, 3e9) < game.Parameters.MinDataFraction);

            // Starting from the lowest levels makes the first primal problem infeasible (feasibility problem 21).
            var solution = benders.Solve(game, new int[game.Count]);
            Assert.True(double.IsNegativeInfinity(solution.PotentialTrace[0]));
            Assert.Equal(BruteForceMaximum(game), solution.Potential, 9);
            for (int i = 0; i < game.Count; i++)
            {
                Assert.True(game.IsFeasible(i, solution.Strategies[i]));
            }
        }
    }

    [Fact]
    public void DbrEndsInANashEquilibriumNoBetterThanCgbd()
    {
        var dynamics = new BestResponseDynamics();
        var benders = new GeneralizedBendersSolver();
        for (int seed = 0; seed < 5; seed++)
        {
            var game = TradeFlTestGames.Random(400 + seed, 5, gamma: (seed + 1) * 3e-9);
            var run = dynamics.Run(game, TradeFlScheme.Dbr);
            Assert.True(run.Converged);
            AssertNoProfitableDeviation(game, run.Strategies);
            Assert.True(benders.Solve(game).Potential >= run.PotentialTrace[^1] - 1e-9);
            for (int t = 1; t < run.PotentialTrace.Count; t++)
            {
                Assert.True(run.PotentialTrace[t] >= run.PotentialTrace[t - 1] - 1e-12, "best responses never lower a potential");
            }
        }
    }

    [Fact]
    public void TableIiInstanceIsIndividuallyRationalAndBudgetBalancedAtTheEquilibrium()
    {
        var game = TradeFlSimulation.CreateGame(seed: 7, gamma: 5e-9);
        var outcome = new TradeFlMechanism().Run(game, TradeFlScheme.Dbr);
        Assert.All(outcome.Payoffs, c => Assert.True(c >= 0));
        Assert.True(Math.Abs(outcome.Redistributions.Sum()) <= 1e-9 * outcome.Redistributions.Sum(Math.Abs));
        for (int i = 0; i < game.Count; i++)
        {
            Assert.True(game.IsFeasible(i, outcome.Strategies[i]));
        }
    }

    [Fact]
    public void BaselinesRespectTheirStrategySpaces()
    {
        var game = TradeFlSimulation.CreateGame(seed: 7, gamma: 1e-8, organizations: 6);
        var mechanism = new TradeFlMechanism(new BestResponseDynamics(gridStep: 0.1));
        var gca = mechanism.Run(game, TradeFlScheme.Gca);
        var fip = mechanism.Run(game, TradeFlScheme.Fip);
        var tos = mechanism.Run(game, TradeFlScheme.Tos);
        for (int i = 0; i < game.Count; i++)
        {
            Assert.Equal(BestResponseDynamics.GreedyLevel(game, i, gca.Strategies[i].DataFraction), gca.Strategies[i].FrequencyLevel);
            double steps = fip.Strategies[i].DataFraction / 0.1;
            Assert.Equal(Math.Round(steps), steps, 9);
            Assert.Equal(new TradeFlStrategy(1.0, 2), tos.Strategies[i]);
        }

        Assert.Equal(game.Count, tos.TotalDataFraction, 12);
    }

    [Fact]
    public void PayoffRedistributionRaisesContributionAndWelfareOverWpr()
    {
        var game = TradeFlSimulation.CreateGame(seed: 7, gamma: 5e-9);
        var mechanism = new TradeFlMechanism();
        var dbr = mechanism.Run(game, TradeFlScheme.Dbr);
        var wpr = mechanism.Run(game, TradeFlScheme.Wpr);
        var gca = mechanism.Run(game, TradeFlScheme.Gca);
        Assert.True(dbr.TotalDataFraction > wpr.TotalDataFraction);
        Assert.True(dbr.SocialWelfare > wpr.SocialWelfare);
        Assert.True(dbr.TotalDataFraction > gca.TotalDataFraction);
        Assert.True(dbr.TotalDamage < wpr.TotalDamage);
    }

    private static void AssertNoProfitableDeviation(TradeFlGame game, IReadOnlyList<TradeFlStrategy> profile)
    {
        var trial = profile.ToArray();
        for (int i = 0; i < game.Count; i++)
        {
            double current = game.Payoff(i, profile);
            for (int l = 0; l < game.Organizations[i].FrequenciesHz.Count; l++)
            {
                for (int g = 0; g <= 200; g++)
                {
                    trial[i] = new TradeFlStrategy(game.Parameters.MinDataFraction + ((1 - game.Parameters.MinDataFraction) * g / 200.0), l);
                    if (game.IsFeasible(i, trial[i]))
                    {
                        Assert.True(game.Payoff(i, trial) <= current + (1e-9 * Math.Abs(current)), $"organization {i} gains by deviating to {trial[i]}");
                    }
                }
            }

            trial[i] = profile[i];
        }
    }

    private static double BruteForceMaximum(TradeFlGame game)
    {
        int n = game.Count;
        var levels = new int[n];
        double best = double.NegativeInfinity;
        var w = game.Organizations.Select(o => o.Samples).ToArray();
        var lo = Enumerable.Repeat(game.Parameters.MinDataFraction, n).ToArray();
        var d = new double[n];
        while (true)
        {
            var hi = new double[n];
            var c = new double[n];
            bool feasible = true;
            for (int i = 0; i < n; i++)
            {
                hi[i] = game.MaxDataFraction(i, game.Organizations[i].FrequenciesHz[levels[i]]);
                feasible &= hi[i] >= lo[i];
                var o = game.Organizations[i];
                double f = o.FrequenciesHz[levels[i]];
                c[i] = ((game.Parameters.EnergyWeight * 1e-27 * f * f * o.CyclesPerBit * o.DataBits)
                    - (game.Parameters.Gamma * game.CompetitionSum(i) * o.DataBits)) / game.PotentialWeight(i);
            }

            if (feasible)
            {
                DataAllocationSolver.Solve(game.Accuracy, 1, 0, w, c, lo, hi, d, new int[n]);
                best = Math.Max(best, game.Potential(d.Select((x, i) => new TradeFlStrategy(x, levels[i])).ToArray()));
            }

            int k = 0;
            while (k < n && ++levels[k] == game.Organizations[k].FrequenciesHz.Count)
            {
                levels[k++] = 0;
            }

            if (k == n)
            {
                return best;
            }
        }
    }
}
