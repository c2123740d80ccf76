namespace CoCoGen.Mechanism.DefectionFree;

/// <summary>
/// Algorithm 1 of "Defection-Free Collaboration" (and the schemes it is compared with). Each round the high-quality
/// firm takes one paced step (q_h grows by at most b̃ = 1.03 per round, the pacing of Proposition 5), then — if
/// q_l &lt; q_l* and q_l/q_h ≤ ρ* — the low-quality firm improves up to min(q̂_l,t, ρ*·q_h,t, q_l*), where q̂_l,t is
/// the revenue-safe cap of step 8; capping at ρ*·q_h,t is the choice the proof of Proposition 5 makes to hold the
/// ratio at ρ*. After every round both revenues are compared with the previous round's; the comparison is
/// reported per round, and a training process that overshoots its cap is rejected.
/// </summary>
/// <param name="Rounds">T.</param>
/// <param name="GrowthCap">b̃ ≥ 1, the largest per-round growth factor of q_h.</param>
/// <param name="Scheme">The collaboration scheme.</param>
public sealed record DefectionFreeCollaboration(int Rounds, double GrowthCap = 1.03, CollaborationScheme Scheme = CollaborationScheme.DefectionFree)
{
    /// <summary>Runs the scheme on <paramref name="training"/>.</summary>
    public DefectionFreeResult Run(IDuopolyTraining training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (Rounds < 1)
        {
            throw new ArgumentException($"rounds: must be at least 1, got {Rounds}.");
        }

        if (!(GrowthCap >= 1) || double.IsInfinity(GrowthCap))
        {
            throw new ArgumentException($"growthCap: must be at least 1 and finite, got {GrowthCap}.");
        }

        double low0 = training.LowQuality;
        double high0 = training.HighQuality;
        double targetHigh = training.MaximalQuality;
        double targetLow = NashBargaining.SolveLowQuality(targetHigh, low0, high0);
        double targetRatio = targetLow / targetHigh;
        var rounds = new List<DuopolyRound> { Snapshot(0, low0, high0, double.NaN, low0, high0) };
        bool monotone = true;
        for (int t = 1; t <= Rounds; t++)
        {
            double previousLow = training.LowQuality;
            double previousHigh = training.HighQuality;
            double high = training.ImproveHigh(GrowthCap);
            double cap = double.NaN;
            double low = previousLow;
            if (Scheme == CollaborationScheme.Complete)
            {
                low = training.ImproveLow(high);
            }
            else if (Scheme == CollaborationScheme.DefectionFree && low < targetLow && low / high <= targetRatio)
            {
                cap = Math.Min(Math.Min(RevenueSafeBound.LowQualityCap(previousLow, previousHigh, high), targetRatio * high), targetLow);
                low = training.ImproveLow(cap);
                if (low > cap + 1e-9)
                {
                    throw new InvalidOperationException($"round {t}: the low-quality model reached {low}, above its revenue-safe cap {cap}.");
                }
            }

            var round = Snapshot(t, low, high, cap, low0, high0);
            var last = rounds[^1];
            monotone &= round.LowRevenue >= last.LowRevenue - 1e-12 && round.HighRevenue >= last.HighRevenue - 1e-12;
            rounds.Add(round);
        }

        return new DefectionFreeResult(Scheme, rounds, targetLow, targetHigh, NashBargaining.Objective(targetLow, targetHigh, low0, high0), monotone);
    }

    private static DuopolyRound Snapshot(int t, double low, double high, double cap, double low0, double high0)
    {
        bool tied = low >= high;
        double lowRevenue = tied ? 0 : Duopoly.LowRevenue(low, high);
        double highRevenue = tied ? 0 : Duopoly.HighRevenue(low, high);
        double lowGain = lowRevenue - Duopoly.LowRevenue(low0, high0);
        double highGain = highRevenue - Duopoly.HighRevenue(low0, high0);

        // N is only meaningful where neither firm is below its disagreement point.
        double nash = lowGain >= 0 && highGain >= 0 ? lowGain * highGain : double.NaN;
        return new DuopolyRound(t, low, high, cap, lowRevenue, highRevenue, nash);
    }
}
