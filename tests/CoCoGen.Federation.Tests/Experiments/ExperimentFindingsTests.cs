using CoCoGen.Federation.Adapters.Experiments;
using CoCoGen.Mechanism.Experiments;

namespace CoCoGen.Federation.Tests.Experiments;

public sealed class ExperimentFindingsTests
{
    private static readonly ExperimentSettings Settings = new(
        "fashion-mnist", "", "calibration", ["cocogen+", "vcfl", "madg"], [0.5], [], [0, 0.5, 1], 0.5, 0.5, 0.5,
        3, 1, 10, 1, 500, 100, 300, 100, 50, 1, 50, 16, 0.02);

    [Fact]
    public void A_loss_gap_paired_by_seed_holds_when_its_interval_excludes_zero()
    {
        // L(vcfl) − L(madg) = 0.10, 0.12, 0.11 on the three seeds.
        var runs = Runs(
            ("vcfl", 0.5, [2.00, 2.10, 1.90], [0, 0, 0], [100, 100, 100]),
            ("madg", 0.5, [1.90, 1.98, 1.79], [0, 0, 0], [100, 100, 100]));

        var loss = ExperimentFindings.Evaluate(runs, Settings).Single(f => f.Claim.StartsWith("Synthetic samples", StringComparison.Ordinal));

        Assert.Equal(Verdict.Holds, loss.Realised);
    }

    [Fact]
    public void Differences_at_rounding_level_are_no_difference()
    {
        // The model-only losses differ by 1e-14 (a flat curve): that must not make the claim hold.
        var runs = Runs(
            ("vcfl", 0.5, [2.0, 2.0, 2.0], [0, 0, 0], [100, 100, 100]),
            ("madg", 0.5, [2.0 - 1e-14, 2.0 - 1e-14, 2.0 - 1e-14], [0, 0, 0], [100, 100, 100]));

        var loss = ExperimentFindings.Evaluate(runs, Settings).Single(f => f.Claim.StartsWith("Synthetic samples", StringComparison.Ordinal));

        Assert.Equal(Verdict.Contradicted, loss.Realised);
    }

    [Fact]
    public void A_welfare_curve_flat_in_gamma_has_no_interior_maximum()
    {
        var runs = Runs(
            ("cocogen+", 0, [2, 2, 2], [10, 10, 10], [500, 500, 500]),
            ("cocogen+", 0.5, [2, 2, 2], [10, 10, 10], [500, 500, 500]),
            ("cocogen+", 1, [2, 2, 2], [10, 10, 10], [500 + 1e-12, 500, 500]));

        var peak = ExperimentFindings.Evaluate(runs, Settings).Single(f => f.Claim.StartsWith("Welfare is non-monotonic", StringComparison.Ordinal));

        Assert.Equal(Verdict.Contradicted, peak.Realised);
        Assert.StartsWith("flat", peak.RealisedNumbers, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interior_peak_that_beats_both_ends_on_every_seed_holds()
    {
        var runs = Runs(
            ("cocogen+", 0, [2, 2, 2], [10, 10, 10], [500, 510, 490]),
            ("cocogen+", 0.5, [2, 2, 2], [10, 10, 10], [600, 612, 588]),
            ("cocogen+", 1, [2, 2, 2], [10, 10, 10], [520, 530, 505]));

        var peak = ExperimentFindings.Evaluate(runs, Settings).Single(f => f.Claim.StartsWith("Welfare is non-monotonic", StringComparison.Ordinal));

        Assert.Equal(Verdict.Holds, peak.Realised);
    }

    // One run per seed for each (rule, γ share): test loss, mean g and realised welfare per seed; predicted = realised.
    private static List<ExperimentRun> Runs(params (string Rule, double GammaShare, double[] Loss, double[] Generation, double[] Welfare)[] series)
    {
        var runs = new List<ExperimentRun>();
        foreach (var (rule, share, loss, generation, welfare) in series)
        {
            for (var k = 0; k < loss.Length; k++)
            {
                runs.Add(new ExperimentRun(
                    new ExperimentPoint(0.5, 0.5, share, rule), k + 1, $"training {rule} {k}", false, 1, 0.05, 1, Math.Log(10), 1, 1e5, 2e5, 0,
                    generation[k], loss[k], 0.5, loss[k], welfare[k], welfare[k], welfare[k], 1, 1, 0, []));
            }
        }

        return runs;
    }
}
