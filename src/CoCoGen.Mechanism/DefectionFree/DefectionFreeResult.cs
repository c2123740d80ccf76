namespace CoCoGen.Mechanism.DefectionFree;

/// <summary>The trajectory of a collaboration scheme.</summary>
/// <param name="Scheme">The scheme run.</param>
/// <param name="Rounds">Round 0 (start) to T.</param>
/// <param name="NashLowQuality">q_l*.</param>
/// <param name="NashHighQuality">q_h*.</param>
/// <param name="NashProduct">N(q_l*, q_h*).</param>
/// <param name="RevenuesNeverDecreased">Whether U_l and U_h were non-decreasing in every round.</param>
public sealed record DefectionFreeResult(
    CollaborationScheme Scheme,
    IReadOnlyList<DuopolyRound> Rounds,
    double NashLowQuality,
    double NashHighQuality,
    double NashProduct,
    bool RevenuesNeverDecreased);
