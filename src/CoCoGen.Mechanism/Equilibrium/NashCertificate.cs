namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>
/// Evidence that a profile is a Nash equilibrium: for each organization, the best unilateral deviation
/// found by a 1-D search over [0, G_i] and how much it would gain.
/// </summary>
/// <param name="RelativeTolerance">A gain counts as a violation when it exceeds this × max(1, |U_i|).</param>
/// <param name="BestDeviation">The best deviation found per organization.</param>
/// <param name="Gain">U_i(best deviation) − U_i(profile) per organization (≤ 0 when none is better).</param>
public sealed record NashCertificate(double RelativeTolerance, IReadOnlyList<double> BestDeviation, IReadOnlyList<double> Gain)
{
    /// <summary>The largest gain any organization could obtain by deviating.</summary>
    public double MaxGain => Gain.Count == 0 ? 0 : Gain.Max();

    /// <summary>Indices of organizations whose best deviation gains more than the tolerance allows.</summary>
    public IReadOnlyList<int> Violations { get; init; } = [];

    /// <summary>True when no organization can gain more than the tolerance by deviating.</summary>
    public bool Holds => Violations.Count == 0;
}
