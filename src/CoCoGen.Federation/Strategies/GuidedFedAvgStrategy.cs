using CoCoGen.Federation.Ports;

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
    public CompetitionTerms Terms(IReadOnlyList<OrganizationProfile> organizations) => _policy.Terms(organizations);

    /// <inheritdoc/>
    public RoundGuidance Configure(int round, IReadOnlyList<OrganizationProfile> organizations) => _policy.Solve(organizations);
}
