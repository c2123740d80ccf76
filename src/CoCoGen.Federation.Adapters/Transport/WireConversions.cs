using System.Globalization;
using System.Numerics;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>Protocol types to and from their wire messages.</summary>
internal static class WireConversions
{
    public static Wire.ContributionProfile ToWire(Ports.ContributionProfile profile) => new()
    {
        LocalSamples = profile.LocalSamples,
        SyntheticSamples = profile.SyntheticSamples,
        LossWad = profile.LossWad.ToString(CultureInfo.InvariantCulture),
        ContributionWad = profile.ContributionWad.ToString(CultureInfo.InvariantCulture),
        WeightsHash = profile.WeightsHash,
    };

    public static Ports.ContributionProfile FromWire(Wire.ContributionProfile profile) => new(
        profile.LocalSamples,
        profile.SyntheticSamples,
        BigInteger.Parse(profile.LossWad, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        BigInteger.Parse(profile.ContributionWad, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        profile.WeightsHash);
}
