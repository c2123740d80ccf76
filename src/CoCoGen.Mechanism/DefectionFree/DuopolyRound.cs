namespace CoCoGen.Mechanism.DefectionFree;

/// <summary>The state after one round of a collaboration scheme.</summary>
/// <param name="Round">t, from 0 (the starting point).</param>
/// <param name="LowQuality">q_l,t.</param>
/// <param name="HighQuality">q_h,t.</param>
/// <param name="LowQualityCap">q̂_l,t allowed this round (NaN when the low firm did not update).</param>
/// <param name="LowRevenue">U_l(q_l,t, q_h,t).</param>
/// <param name="HighRevenue">U_h(q_l,t, q_h,t).</param>
/// <param name="NashProduct">N(q_l,t, q_h,t) relative to the starting point; NaN when a firm is below its starting revenue.</param>
public sealed record DuopolyRound(
    int Round,
    double LowQuality,
    double HighQuality,
    double LowQualityCap,
    double LowRevenue,
    double HighRevenue,
    double NashProduct);
