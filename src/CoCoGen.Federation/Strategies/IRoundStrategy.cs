using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Strategies;

/// <summary>
/// What a federation's decision rule does in a round, apart from the loop that runs it (as Flower separates its
/// Strategy from its server loop): the competition terms the contract is deployed with and the round's guidance (the
/// synthetic samples each organization trains under). CoCoGen+ and its baselines are strategies, chosen by
/// configuration (<c>Mechanism:Rule</c>). Aggregation and valuation are not the rule's to choose: they are the
/// measurement of record (<see cref="IContributionMeter"/>), the same for every rule so that anyone can recompute them.
/// </summary>
public interface IRoundStrategy
{
    /// <summary>The rule's name, written to every round record.</summary>
    string Name { get; }

    /// <summary>How the rule pays: the pair rule on the measured contributions, or M^Shap's net vector.</summary>
    SettlementMode Settlement { get; }

    /// <summary>ρ̂, γ and φ_min the settlement contract is deployed with, for the organizations in registration order.</summary>
    CompetitionTerms Terms(IReadOnlyList<OrganizationProfile> organizations);

    /// <summary>Step 0: the round's guidance (synthetic samples per organization) and its predicted figures, given the earlier rounds' records.</summary>
    RoundGuidance Configure(int round, IReadOnlyList<OrganizationProfile> organizations, IReadOnlyList<RoundRecord> history);
}
