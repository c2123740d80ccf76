using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Utility;

/// <summary>
/// U_i(g'_i, g_−i) for one organization deviating from a fixed profile: the inner loop of best-response
/// dynamics and of the Nash certificate. <see cref="Prepare"/> costs one pass of competition products;
/// afterwards each evaluation costs O(1), or O(n) for fedavg with performance contribution, where every
/// rival's contribution moves with g_i. Not thread-safe.
/// </summary>
public sealed class DeviationEvaluator
{
    private readonly Scenario scenario;
    private readonly double[] g;
    private readonly double[] samples;
    private readonly double[] losses;
    private readonly double[] contribution;
    private readonly double[] rivalSums;
    private readonly double[] rivalContribution;
    private readonly double[] intensitySums;
    private readonly double[] contributionSums;
    private readonly double[] ones;
    private readonly double[] weightedContribution;
    private double weightedLoss;
    private double totalSamples;
    private double globalLoss;

    /// <summary>Creates an evaluator for <paramref name="scenario"/>.</summary>
    public DeviationEvaluator(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        this.scenario = scenario;
        int n = scenario.Count;
        g = new double[n];
        samples = new double[n];
        losses = new double[n];
        contribution = new double[n];
        rivalSums = new double[n];
        rivalContribution = new double[n];
        intensitySums = new double[n];
        contributionSums = new double[n];
        weightedContribution = new double[n];
        ones = new double[n];
        Array.Fill(ones, 1.0);
        scenario.Competition.Multiply(scenario.RivalRate, rivalSums);
        scenario.Competition.Multiply(ones, intensitySums);
    }

    /// <summary>The profile deviations are measured from.</summary>
    public ReadOnlySpan<double> Profile => g;

    /// <summary>Fixes the profile g from which organizations deviate.</summary>
    public void Prepare(ReadOnlySpan<double> profile)
    {
        profile.CopyTo(g);
        GlobalLoss.LocalLosses(scenario, g, samples, losses);
        globalLoss = GlobalLoss.Value(scenario, samples, losses);
        GlobalLoss.Contributions(scenario, samples, losses, globalLoss, contribution);
        weightedLoss = 0;
        totalSamples = 0;
        for (int k = 0; k < g.Length; k++)
        {
            weightedLoss += samples[k] * losses[k];
            totalSamples += samples[k];
        }

        ReadOnlySpan<double> phi = scenario.RivalRate;
        for (int j = 0; j < g.Length; j++)
        {
            weightedContribution[j] = phi[j] * contribution[j];
        }

        scenario.Competition.Multiply(weightedContribution, rivalContribution);
        scenario.Competition.Multiply(contribution, contributionSums);
    }

    /// <summary>Moves organization <paramref name="i"/>'s strategy in the stored profile (others unchanged).</summary>
    public void Update(int i, double gi)
    {
        g[i] = gi;
        Prepare(g);
    }

    /// <summary>U_i at the stored profile.</summary>
    public double Utility(int i) => Utility(i, g[i]);

    /// <summary>U_i(g'_i, g_−i) for the deviation <paramref name="gi"/> of organization <paramref name="i"/>.</summary>
    public double Utility(int i, double gi)
    {
        ScenarioParameters p = scenario.Parameters;
        LossCurve curve = scenario.CurveOf(i);
        double n = scenario.LocalSamples[i] + gi;
        double loss = curve.Evaluate(n);
        double newLoss;
        double xi;
        double competitionLoss;
        double transfer;
        double newWeighted = weightedLoss - (samples[i] * losses[i]) + (n * loss);
        double newTotal = totalSamples - samples[i] + n;
        if (p.GlobalLoss == GlobalLossModel.Separable)
        {
            newLoss = globalLoss + (p.Xi * scenario.LossWeights[i] * (loss - losses[i]));
        }
        else
        {
            newLoss = p.Xi * newWeighted / newTotal;
        }

        if (p.Contribution == ContributionMeasure.Performance && p.GlobalLoss == GlobalLossModel.FedAvg)
        {
            (competitionLoss, transfer) = CoupledCompetition(i, newLoss, newWeighted, newTotal);
        }
        else
        {
            xi = p.Contribution == ContributionMeasure.Data
                ? n
                : scenario.LossWeights[i] * (p.L0 - (p.Xi * loss));
            competitionLoss = (xi * rivalSums[i]) - rivalContribution[i];
            transfer = p.Gamma * ((xi * intensitySums[i]) - contributionSums[i]);
        }

        double revenue = scenario.Valuation[i] * (p.L0 - newLoss);
        double f = scenario.FrequencyHz[i];
        double energy = scenario.Capacitance[i] * f * f * ((p.CyclesTrainPerSample * n) + (p.CyclesGeneratePerSample * gi));
        double cost = (p.Omega * energy) + p.Fee;
        return revenue - cost - competitionLoss + transfer;
    }

    private (double CompetitionLoss, double Transfer) CoupledCompetition(int i, double newLoss, double newWeighted, double newTotal)
    {
        ScenarioParameters p = scenario.Parameters;
        double own = (p.Xi * (weightedLoss - (samples[i] * losses[i])) / (totalSamples - samples[i])) - newLoss;
        double competitionLoss = 0;
        double gaps = 0;
        CompetitionStructure rho = scenario.Competition;
        ReadOnlySpan<double> phi = scenario.RivalRate;
        for (int j = 0; j < g.Length; j++)
        {
            if (j == i)
            {
                continue;
            }

            double r = rho.Normalised(i, j);
            if (r == 0)
            {
                continue;
            }

            double without = p.Xi * (newWeighted - (samples[j] * losses[j])) / (newTotal - samples[j]);
            double gap = own - (without - newLoss);
            competitionLoss += r * phi[j] * gap;
            gaps += r * gap;
        }

        return (competitionLoss, p.Gamma * gaps);
    }
}
