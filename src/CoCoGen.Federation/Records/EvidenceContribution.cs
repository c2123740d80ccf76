namespace CoCoGen.Federation.Records;

/// <summary>One organization's valuation in a round's evidence.</summary>
/// <param name="Organization">Organization id.</param>
/// <param name="Outcome">Accepted, Rejected (screened) or Straggler.</param>
/// <param name="Reason">Why it was left out, else null.</param>
/// <param name="LossWithout">L(−i), for an accepted update.</param>
/// <param name="Shapley">Its Shapley value, when sampled.</param>
/// <param name="ShapleyStandardError">Standard error of <paramref name="Shapley"/>.</param>
/// <param name="Contribution">x_i (0 for an update left out).</param>
/// <param name="ContributionWad">x_i × 1e18 as settled (decimal string).</param>
/// <param name="TransferWei">The net transfer x determines under the contract's rule (decimal string, positive: received).</param>
public sealed record EvidenceContribution(
    string Organization,
    UpdateOutcome Outcome,
    string? Reason,
    double? LossWithout,
    double? Shapley,
    double? ShapleyStandardError,
    double Contribution,
    string ContributionWad,
    string TransferWei);
