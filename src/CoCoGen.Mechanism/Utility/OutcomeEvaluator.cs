using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Utility;

/// <summary>
/// Evaluates U_i = Rev_i − C_i − CL_i + R_i for every organization (model.md §3). Holds scratch
/// buffers sized for one scenario, so <see cref="SocialWelfare"/> allocates nothing; not thread-safe.
/// </summary>
public sealed class OutcomeEvaluator
{
    private readonly Scenario scenario;
    private readonly double[] samples;
    private readonly double[] losses;
    private readonly double[] contribution;
    private readonly double[] competitionLoss;
    private readonly double[] transfers;

    /// <summary>Creates an evaluator for <paramref name="scenario"/>.</summary>
    public OutcomeEvaluator(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        this.scenario = scenario;
        int n = scenario.Count;
        samples = new double[n];
        losses = new double[n];
        contribution = new double[n];
        competitionLoss = new double[n];
        transfers = new double[n];
    }

    /// <summary>Every component at profile <paramref name="g"/>.</summary>
    public Outcome Evaluate(ReadOnlySpan<double> g)
    {
        var outcome = new Outcome(scenario.Count);
        double welfare = Compute(g, outcome.UtilitiesArray, outcome.RevenueArray, outcome.CostArray);
        g.CopyTo(outcome.GenerationArray);
        losses.CopyTo(outcome.LocalLossArray);
        contribution.CopyTo(outcome.ContributionArray);
        competitionLoss.CopyTo(outcome.CompetitionLossArray);
        transfers.CopyTo(outcome.TransfersArray);
        double residual = 0;
        double volume = 0;
        foreach (double r in transfers)
        {
            residual += r;
            volume += Math.Abs(r);
        }

        outcome.SocialWelfare = welfare;
        outcome.BudgetResidual = residual;
        outcome.TransferVolume = volume;
        outcome.GlobalLoss = GlobalLoss.Value(scenario, samples, losses);
        return outcome;
    }

    /// <summary>SW(g) = Σ_i U_i(g), without allocating.</summary>
    public double SocialWelfare(ReadOnlySpan<double> g) => Compute(g, default, default, default);

    private double Compute(ReadOnlySpan<double> g, Span<double> utilities, Span<double> revenue, Span<double> cost)
    {
        ScenarioParameters p = scenario.Parameters;
        GlobalLoss.LocalLosses(scenario, g, samples, losses);
        double loss = GlobalLoss.Value(scenario, samples, losses);
        GlobalLoss.Contributions(scenario, samples, losses, loss, contribution);
        scenario.Competition.WeightedGapSums(scenario.RivalRate, contribution, competitionLoss);
        scenario.Competition.GapSums(contribution, transfers);
        ReadOnlySpan<double> valuation = scenario.Valuation;
        ReadOnlySpan<double> kappa = scenario.Capacitance;
        ReadOnlySpan<double> f = scenario.FrequencyHz;
        double welfare = 0;
        for (int i = 0; i < g.Length; i++)
        {
            transfers[i] *= p.Gamma;
            double rev = valuation[i] * (p.L0 - loss);
            double energy = kappa[i] * f[i] * f[i] * ((p.CyclesTrainPerSample * samples[i]) + (p.CyclesGeneratePerSample * g[i]));
            double c = (p.Omega * energy) + p.Fee;
            double u = rev - c - competitionLoss[i] + transfers[i];
            welfare += u;
            if (!utilities.IsEmpty)
            {
                utilities[i] = u;
                revenue[i] = rev;
                cost[i] = c;
            }
        }

        return welfare;
    }
}
