using System.Globalization;
using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Mechanism.ReciprocalFairness;
using Nethereum.Util;

namespace CoCoGen.Federation.Adapters.SeedSettlement;

/// <summary>
/// The on-chain profiles of an M^Shap round: each member's shared samples s_i as its contribution (Wad), its
/// model's loss 1 − a_i(s) (Wad), and a weights hash unique to the member, the round and s, so the coordinator's
/// record and the member's submission match and no profile is replayed in a later round.
/// </summary>
public static class ShapleyRoundProfiles
{
    private const double Wad = 1e18;

    /// <summary>One profile per agent of <paramref name="instance"/> at the sample vector <paramref name="samples"/>.</summary>
    /// <param name="instance">The federation (ids and payoff functions).</param>
    /// <param name="samples">s, one entry per agent, non-negative and finite.</param>
    /// <param name="round">The round the profiles are for.</param>
    /// <exception cref="ArgumentException">The sample count is wrong or a sample is negative or not finite (named by agent).</exception>
    public static Profile[] Create(FederationInstance instance, IReadOnlyList<double> samples, int round)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count != instance.AgentCount)
        {
            throw new ArgumentException($"samples: {samples.Count} entries for {instance.AgentCount} agents.", nameof(samples));
        }

        var s = samples.ToArray();
        var profiles = new Profile[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            if (!(s[i] >= 0) || double.IsInfinity(s[i]))
            {
                throw new ArgumentException($"samples[{i}] ({instance.Ids[i]}): must be non-negative and finite, got {s[i].ToString("R", CultureInfo.InvariantCulture)}.", nameof(samples));
            }

            double loss = 1 - instance.Model.Payoff(i, s);
            profiles[i] = new Profile
            {
                LocalSamples = (ulong)Math.Round(s[i]),
                SyntheticSamples = 0,
                LossWad = new BigInteger(Math.Round(Math.Max(0, loss) * Wad)),
                ContributionWad = new BigInteger(Math.Round(s[i] * Wad)),
                WeightsHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"mshap/{instance.Ids[i]}/round {round}/s {s[i]:R}"))),
            };
        }

        return profiles;
    }
}
