using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Strategies;

/// <summary>
/// A decision rule's guidance (CoCoGen+ or a baseline, through <see cref="IGuidancePolicy"/>); the round's updates are
/// then averaged and valued by the coordinator's canonical FedAvg and measurement.
/// </summary>
public sealed class GuidedFedAvgStrategy(IGuidancePolicy policy) : IRoundStrategy
{
    private readonly IGuidancePolicy _policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <inheritdoc/>
    public string Name => _policy.Name;

    /// <inheritdoc/>
    public SettlementMode Settlement => _policy.Settlement;

    /// <inheritdoc/>
    public CompetitionTerms Terms(IReadOnlyList<OrganizationProfile> organizations) => _policy.Terms(organizations);

    /// <inheritdoc/>
    public RoundGuidance Configure(int round, IReadOnlyList<OrganizationProfile> organizations, IReadOnlyList<RoundRecord> history)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(history);
        return _policy.Solve(organizations, Observations(organizations, history, round));
    }

    /// <summary>
    /// The losses of averaged updates in rounds before <paramref name="round"/>, at the verified sample count (the
    /// claimed real plus synthetic count in records that predate verification). The loss itself is the organization's
    /// report: it steers guidance only, never money.
    /// </summary>
    private static LossObservation[] Observations(IReadOnlyList<OrganizationProfile> organizations, IReadOnlyList<RoundRecord> history, int round)
    {
        var indices = organizations.Select((o, i) => (o.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var observations = new List<LossObservation>();
        foreach (var record in history.Where(r => r.Round < round))
        {
            foreach (var organization in record.Organizations)
            {
                var samples = organization.VerifiedSamples ?? (organization.LocalSamples + organization.SyntheticSamples);
                if (indices.TryGetValue(organization.Id, out var index) && organization.Outcome == UpdateOutcome.Accepted && organization.TrainingLoss is > 0 and var loss && double.IsFinite(loss) && samples > 0)
                {
                    observations.Add(new LossObservation(index, record.Round, samples, loss));
                }
            }
        }

        return [.. observations];
    }
}
