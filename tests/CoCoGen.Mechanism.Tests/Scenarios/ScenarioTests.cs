using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Sampling;
using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Tests.Scenarios;

public class ScenarioTests
{
    private static Scenario Example() =>
        ScenarioJsonReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "Examples", "fashion-mnist-10.json"));

    [Fact]
    public void Subset_renormalises_intensities_and_recomputes_data_shares()
    {
        Scenario full = Example();
        Scenario sub = full.Subset([0, 4, 7]);
        Assert.Equal(["org1", "org5", "org8"], sub.Ids);
        Assert.Equal(full.Competition.Raw(0, 4), sub.Competition.Raw(0, 1));
        Assert.Equal(full.Competition.Raw(0, 4) / 2, sub.Competition.Normalised(0, 1), 15);
        double total = full.LocalSamples[0] + full.LocalSamples[4] + full.LocalSamples[7];
        Assert.Equal(full.LocalSamples[4] / total, sub.LossWeights[1], 15);
        Assert.Equal(3, sub.LossCurveTable!.Entries[0].Curves.Count);
        Assert.Equal(full.LossCurveTable!.Entries[2].Curves[7], sub.LossCurveTable.Entries[2].Curves[2]);
    }

    [Fact]
    public void Uniform_and_dense_competition_give_the_same_closed_form()
    {
        Scenario uniform = new RandomScenarioGenerator(12).NextUniform(25, 0.4, GlobalLossModel.Separable, ContributionMeasure.Performance);
        var raw = new double[25 * 25];
        for (int k = 0; k < raw.Length; k++)
        {
            raw[k] = k / 25 == k % 25 ? 0 : 0.4;
        }

        Scenario dense = uniform.WithCompetition(new DenseCompetition(25, raw));
        EquilibriumResult a = ClosedFormSolver.Solve(uniform);
        EquilibriumResult b = ClosedFormSolver.Solve(dense);
        for (int i = 0; i < 25; i++)
        {
            Assert.Equal(b.Generation[i], a.Generation[i], 6);
            Assert.Equal(b.Outcome.Utilities[i], a.Outcome.Utilities[i], 6);
        }
    }

    [Fact]
    public void Loss_curves_of_a_table_entry_replace_the_organizations_curves()
    {
        Scenario s = Example();
        LossCurveTableEntry hardest = s.LossCurveTable!.Entries[0];
        Scenario swapped = s.WithLossCurves(hardest);
        Assert.Equal(hardest.Curves[3], swapped.CurveOf(3));
        Assert.Equal(s.LocalSamples[3], swapped.LocalSamples[3]);
    }

    [Fact]
    public void Competition_pressure_and_cost_slope_follow_their_definitions()
    {
        Scenario s = Example();
        int n = s.Count;
        for (int i = 0; i < n; i++)
        {
            double k = 0;
            for (int j = 0; j < n; j++)
            {
                k += s.Competition.Raw(i, j) / (n - 1) * (s.RivalRate[j] - s.Parameters.Gamma);
            }

            Assert.Equal(k, s.CompetitionPressure[i], 9);
            double beta = s.Parameters.Omega * s.Capacitance[i] * s.FrequencyHz[i] * s.FrequencyHz[i]
                * (s.Parameters.CyclesTrainPerSample + s.Parameters.CyclesGeneratePerSample);
            Assert.Equal(beta, s.CostSlope[i], 15);
        }
    }
}
