namespace CoCoGen.Federation.Ports;

/// <summary>
/// Step 0 of a round: the mechanism that tells every organization how many synthetic samples to
/// generate. What each one contributed is measured afterwards, not predicted (<see cref="IContributionMeter"/>).
/// </summary>
public interface IGuidancePolicy
{
    /// <summary>Name of the decision rule (for example <c>cocogen+</c> or a baseline), written to the run record.</summary>
    string Name { get; }

    /// <summary>How the rule pays: the pair rule on committed contributions, or a committed net vector (M^Shap).</summary>
    SettlementMode Settlement { get; }

    /// <summary>ρ̂, γ and φ_min for the settlement contract, for <paramref name="organizations"/> in registration order.</summary>
    CompetitionTerms Terms(IReadOnlyList<OrganizationProfile> organizations);

    /// <summary>
    /// Solves the round's game for the organizations' public profiles and what earlier rounds measured
    /// (<paramref name="observations"/>: the local losses at the realised training-set sizes), so that the guidance
    /// follows the run.
    /// </summary>
    RoundGuidance Solve(IReadOnlyList<OrganizationProfile> organizations, IReadOnlyList<LossObservation> observations);
}
