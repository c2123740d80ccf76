using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Strategies;

/// <summary>
/// A decision rule's guidance (CoCoGen+ or a baseline, through <see cref="IGuidancePolicy"/>) with FedAvg over the
/// accepted updates, weighted by real plus synthetic samples, and the rule's valuation at the synthetic counts the
/// accepted organizations trained with.
/// </summary>
public sealed class GuidedFedAvgStrategy(IGuidancePolicy policy, IGlobalModel model) : IRoundStrategy
{
    private readonly IGuidancePolicy _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    private readonly IGlobalModel _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <inheritdoc/>
    public string Name => _policy.Name;

    /// <inheritdoc/>
    public CompetitionTerms Terms(IReadOnlyList<OrganizationProfile> organizations) => _policy.Terms(organizations);

    /// <inheritdoc/>
    public RoundGuidance Configure(int round, IReadOnlyList<OrganizationProfile> organizations) => _policy.Solve(organizations);

    /// <inheritdoc/>
    public ModelWeights Aggregate(ModelWeights current, IReadOnlyList<AcceptedUpdate> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return accepted.Count == 0
            ? current
            : _model.Aggregate(accepted.Select(a => (a.Update.Weights, a.Update.LocalSamples + a.Update.SyntheticSamples)).ToArray());
    }

    /// <inheritdoc/>
    public IReadOnlyList<double> Value(IReadOnlyList<OrganizationProfile> organizations, IReadOnlyList<AcceptedUpdate?> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var realised = updates.Select(u => u is null ? 0d : u.Update.SyntheticSamples).ToArray();
        var contributions = _policy.Contributions(organizations, realised);
        return updates.Select((u, i) => u is null ? 0d : contributions[i]).ToArray();
    }
}
