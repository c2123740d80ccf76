using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Protocol;

/// <summary>
/// An update's FedAvg weight is what the coordinator can verify, never what the update claims: the real samples are
/// capped by the organization's declared D_i and the synthetic ones by the g_i* it was assigned.
/// </summary>
public static class VerifiedSamples
{
    /// <summary>The rule as the evidence states it.</summary>
    public const string Rule = "min(claimed real, declared D_i) + min(claimed synthetic, assigned g_i*)";

    /// <summary>The verified weight of <paramref name="update"/> from <paramref name="profile"/> assigned <paramref name="assignedSynthetic"/>.</summary>
    public static long Of(OrganizationProfile profile, LocalUpdate update, long assignedSynthetic)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(update);
        return Of(profile.LocalSamples, update.LocalSamples, update.SyntheticSamples, assignedSynthetic);
    }

    /// <summary>The rule on bare counts: what an auditor recomputes from the evidence.</summary>
    public static long Of(long declaredLocal, long claimedLocal, long claimedSynthetic, long assignedSynthetic) =>
        Math.Clamp(claimedLocal, 0, declaredLocal) + Math.Clamp(claimedSynthetic, 0, Math.Max(0, assignedSynthetic));
}
