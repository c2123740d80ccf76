using CoCoGen.Mechanism.DefectionFree;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>The per-round check that neither firm's revenue decreases (Proposition 3), naming every offending round.</summary>
public static class RevenueMonotonicity
{
    /// <summary>Revenue changes below this are rounding, not decreases.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Every round t ≥ 1 where U_l or U_h fell below its value at t − 1.</summary>
    public static IReadOnlyList<RevenueDecrease> Decreases(DefectionFreeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var found = new List<RevenueDecrease>();
        for (int t = 1; t < result.Rounds.Count; t++)
        {
            var before = result.Rounds[t - 1];
            var after = result.Rounds[t];
            if (after.LowRevenue < before.LowRevenue - Tolerance)
            {
                found.Add(new RevenueDecrease(after.Round, "low", before.LowRevenue, after.LowRevenue));
            }

            if (after.HighRevenue < before.HighRevenue - Tolerance)
            {
                found.Add(new RevenueDecrease(after.Round, "high", before.HighRevenue, after.HighRevenue));
            }
        }

        return found;
    }
}
