namespace CoCoGen.Mechanism.Tests.TradeFl;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.TradeFl;

public class TradeFlGameTests
{
    [Fact]
    public void AccuracyLossOfFootnote7MatchesHandComputedValues()
    {
        var loss = new InverseSqrtAccuracyLoss(epochs: 4);
        Assert.Equal(0.3, loss.Loss(100), 12);                        // 1/√400 + 1/4
        Assert.Equal(loss.Loss(1) - loss.Loss(100), loss.Value(100), 12);
        Assert.Equal(0.5 * 0.5 * Math.Pow(100, -1.5), loss.Derivative(100), 15);
        Assert.Equal(100, loss.InverseDerivative(loss.Derivative(100)), 9);
    }

    [Fact]
    public void PotentialIdentityOfTheorem1HoldsOnRandomInstances()
    {
        var random = new Random(11);
        double worst = 0;
        for (int instance = 0; instance < 40; instance++)
        {
            var game = TradeFlTestGames.Random(100 + instance, 2 + (instance % 7), symmetric: instance % 2 == 0, gamma: 1e-8 * random.NextDouble());
            for (int trial = 0; trial < 25; trial++)
            {
                var profile = TradeFlTestGames.RandomProfile(game, random);
                int i = random.Next(game.Count);
                var deviated = (TradeFlStrategy[])profile.Clone();
                deviated[i] = TradeFlTestGames.RandomStrategy(game, i, random);
                double payoffChange = game.Payoff(i, profile) - game.Payoff(i, deviated);
                double potentialChange = game.PotentialWeight(i) * (game.Potential(profile) - game.Potential(deviated));
                worst = Math.Max(worst, Math.Abs(potentialChange - payoffChange) / Math.Max(1.0, Math.Abs(payoffChange)));
            }
        }

        Assert.True(worst <= 1e-9, $"worst relative error {worst}");
    }

    [Fact]
    public void PrintedEquation15IsNotAnExactPotential()
    {
        var game = TradeFlTestGames.Random(5, 4, gamma: 1e-8);
        var random = new Random(3);
        var profile = TradeFlTestGames.RandomProfile(game, random);
        var deviated = (TradeFlStrategy[])profile.Clone();
        deviated[0] = deviated[0] with { DataFraction = 1.0, FrequencyLevel = 2 };
        profile[0] = profile[0] with { DataFraction = 0.1, FrequencyLevel = 0 };
        double payoffChange = game.Payoff(0, profile) - game.Payoff(0, deviated);
        double printed = game.PotentialWeight(0) * (game.PrintedPotential(profile) - game.PrintedPotential(deviated));
        Assert.True(Math.Abs(printed - payoffChange) > 1e-3 * Math.Abs(payoffChange));
    }

    [Fact]
    public void RedistributionIsBudgetBalancedAndPairwiseAntisymmetricForSymmetricCompetition()
    {
        var random = new Random(21);
        for (int instance = 0; instance < 20; instance++)
        {
            var game = TradeFlTestGames.Random(200 + instance, 3 + (instance % 6), symmetric: true, gamma: 1e-8);
            var profile = TradeFlTestGames.RandomProfile(game, random);
            double total = 0;
            double scale = 0;
            for (int i = 0; i < game.Count; i++)
            {
                double r = game.TotalRedistribution(i, profile);
                total += r;
                scale += Math.Abs(r);
                for (int j = 0; j < game.Count; j++)
                {
                    Assert.Equal(-game.Redistribution(j, i, profile), game.Redistribution(i, j, profile), 9);
                }
            }

            Assert.True(Math.Abs(total) <= 1e-12 * Math.Max(1, scale), $"Σ R_i = {total}");
        }
    }

    [Fact]
    public void PayoffDecomposesIntoRevenueOverheadDamageAndRedistribution()
    {
        var game = TradeFlTestGames.Random(8, 3);
        var profile = TradeFlTestGames.RandomProfile(game, new Random(2));
        double omega = game.ContributedSamples(profile);
        double others = omega - (profile[1].DataFraction * game.Organizations[1].Samples);
        double rate = (game.Competition[1, 0] * game.Organizations[0].Profitability)
            + (game.Competition[1, 2] * game.Organizations[2].Profitability);
        double damage = rate * (game.Accuracy.Value(omega) - game.Accuracy.Value(others));
        var o = game.Organizations[1];
        double f = o.FrequenciesHz[profile[1].FrequencyLevel];
        double energy = (1e-27 * f * f * o.CyclesPerBit * profile[1].DataFraction * o.DataBits) + o.CommunicationEnergy;
        double expected = (o.Profitability * game.Accuracy.Value(omega)) - (game.Parameters.EnergyWeight * energy) - damage
            + game.TotalRedistribution(1, profile);
        Assert.Equal(expected, game.Payoff(1, profile), 9);
        Assert.Equal(damage, game.Damage(1, profile), 12);
    }

    [Fact]
    public void BadInputsAreRejectedWithTheFieldNamed()
    {
        var game = TradeFlTestGames.Random(1, 3);
        var rho = (double[,])game.Competition.Clone();
        rho[0, 0] = 0.1;
        var diagonal = Assert.Throws<ArgumentException>(() => game.WithCompetition(rho));
        Assert.Contains("competition[0][0]", diagonal.Message, StringComparison.Ordinal);

        var heavy = new double[3, 3] { { 0, 1, 1 }, { 0, 0, 0 }, { 0, 0, 0 } };
        var weight = Assert.Throws<ArgumentException>(() => game.WithCompetition(heavy));
        Assert.Contains("z_i", weight.Message, StringComparison.Ordinal);

        var badGamma = Assert.Throws<ArgumentException>(() => game.WithGamma(-1));
        Assert.Contains("gamma", badGamma.Message, StringComparison.Ordinal);

        var orgs = game.Organizations.ToArray();
        orgs[2] = orgs[2] with { Profitability = double.NaN };
        var nan = Assert.Throws<ArgumentException>(() => new TradeFlGame(orgs, game.Competition, game.Accuracy, game.Parameters));
        Assert.Contains("org3", nan.Message, StringComparison.Ordinal);
        Assert.Contains("profitability", nan.Message, StringComparison.Ordinal);
    }
}
