using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Experiments;

/// <summary>
/// Social welfare from what training measured instead of what the loss curves predict: revenue from the measured test
/// loss, the cost model's cost of the samples actually generated and trained, and the competition loss and transfers
/// from measured contributions. The scenario supplies only the economics (p, φ, f, κ, ω, c^t, c^g, fee, ρ̂, γ, L_0);
/// its loss curves are not used. Transfers are budget balanced, so they move utility between organizations and leave
/// the welfare unchanged; <see cref="RealisedOutcome.TransferSum"/> reports the residual.
/// </summary>
public static class RealisedWelfare
{
    /// <summary>Every organization's realised utility components under <paramref name="scenario"/>'s economics.</summary>
    public static RealisedOutcome Evaluate(Scenario scenario, RealisedRound round)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(round);
        int n = scenario.Count;
        if (round.TrainedSamples.Count != n || round.GeneratedSamples.Count != n || round.Contributions.Count != n)
        {
            throw new ArgumentException($"the round has {round.TrainedSamples.Count} trained, {round.GeneratedSamples.Count} generated and {round.Contributions.Count} contribution entries for {n} organizations.", nameof(round));
        }

        if (!double.IsFinite(round.MeasuredLoss))
        {
            throw new ArgumentException($"the measured loss is {round.MeasuredLoss}.", nameof(round));
        }

        var parameters = scenario.Parameters;
        double[] x = [.. round.Contributions];
        var competitionLoss = new double[n];
        var gaps = new double[n];
        scenario.Competition.WeightedGapSums(scenario.RivalRate, x, competitionLoss);
        scenario.Competition.GapSums(x, gaps);
        var revenue = new double[n];
        var cost = new double[n];
        var transfer = new double[n];
        var utility = new double[n];
        double welfare = 0;
        double transferSum = 0;
        for (int i = 0; i < n; i++)
        {
            double f = scenario.FrequencyHz[i];
            double energy = scenario.Capacitance[i] * f * f
                * ((parameters.CyclesTrainPerSample * round.TrainedSamples[i]) + (parameters.CyclesGeneratePerSample * round.GeneratedSamples[i]));
            revenue[i] = scenario.Valuation[i] * (parameters.L0 - round.MeasuredLoss);
            cost[i] = (parameters.Omega * energy) + parameters.Fee;
            transfer[i] = parameters.Gamma * gaps[i];
            utility[i] = revenue[i] - cost[i] - competitionLoss[i] + transfer[i];
            welfare += utility[i];
            transferSum += transfer[i];
        }

        return new RealisedOutcome(revenue, cost, competitionLoss, transfer, utility, welfare, transferSum);
    }
}
