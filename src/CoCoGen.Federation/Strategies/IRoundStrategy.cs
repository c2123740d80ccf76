using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Strategies;

/// <summary>
/// What a federation does in a round, apart from the loop that runs it (as Flower separates its Strategy from its
/// server loop): it configures the round (the guidance each organization trains under), aggregates the accepted
/// updates into the next global model, and values what each organization contributed. CoCoGen+ and its baselines
/// are strategies, chosen by configuration (<c>Mechanism:Rule</c>).
/// </summary>
public interface IRoundStrategy
{
    /// <summary>The rule's name, written to every round record.</summary>
    string Name { get; }

    /// <summary>ρ̂, γ and φ_min the settlement contract is deployed with, for the organizations in registration order.</summary>
    CompetitionTerms Terms(IReadOnlyList<OrganizationProfile> organizations);

    /// <summary>Step 0: the round's guidance (synthetic samples per organization) and its predicted figures.</summary>
    RoundGuidance Configure(int round, IReadOnlyList<OrganizationProfile> organizations);

    /// <summary>Step 5: the next global model from the accepted updates (never from a rejected or missing one).</summary>
    ModelWeights Aggregate(ModelWeights current, IReadOnlyList<AcceptedUpdate> accepted);

    /// <summary>Step 6: the contribution x_i of every organization (0 for one whose update was not accepted).</summary>
    IReadOnlyList<double> Value(IReadOnlyList<OrganizationProfile> organizations, IReadOnlyList<AcceptedUpdate?> updates);
}
