using System.Globalization;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Strategies;

namespace CoCoGen.Federation.Protocol;

/// <summary>
/// The one place a round record is assembled: from what the round trained (<see cref="Trained"/>), then from what its
/// settlement established on chain (<see cref="Settled"/>). Nothing else creates or amends a <see cref="RoundRecord"/>.
/// </summary>
internal static class RoundRecordBuilder
{
    /// <summary>An organization's part of a trained round, before settlement.</summary>
    public sealed record Participant(
        string Id,
        ChainAddress Address,
        UpdateOutcome Outcome,
        string? Reason,
        LocalUpdate? Update,
        long VerifiedSamples,
        double? LossWithout,
        double? Shapley,
        double? ShapleyStandardError,
        double Contribution,
        System.Numerics.BigInteger ContributionWad,
        string? WeightsHash);

    /// <summary>How the round's contributions were measured and where its evidence is.</summary>
    public sealed record Measurement(string Measure, ValidationRecord Validation, int? ShapleySeed, int ShapleyPermutations, string Evidence);

    /// <summary>The record of a trained and valued round, with the transactions already sent for it (its opening).</summary>
    public static PendingRound Trained(
        int round,
        string mechanism,
        RoundGuidance guidance,
        Evaluation evaluation,
        string modelHash,
        IReadOnlyList<Participant> participants,
        Measurement measurement,
        RoundTimings timings,
        IReadOnlyList<TransactionRecord> journal)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(journal);
        var organizations = participants.Select(p => new OrganizationRoundRecord
        {
            Id = p.Id,
            Address = p.Address,
            Outcome = p.Outcome,
            Reason = p.Reason,
            LocalSamples = p.Update?.LocalSamples ?? 0,
            SyntheticSamples = p.Update?.SyntheticSamples ?? 0,
            TrainingLoss = p.Update is not null && double.IsFinite(p.Update.TrainingLoss) ? p.Update.TrainingLoss : null,
            SynthesisSeconds = p.Update?.SynthesisSeconds ?? 0,
            TrainingSeconds = p.Update?.TrainingSeconds ?? 0,
            VerifiedSamples = p.VerifiedSamples,
            LossWithout = p.LossWithout,
            Shapley = p.Shapley,
            ShapleyStandardError = p.ShapleyStandardError,
            Contribution = p.Contribution,
            ContributionWad = p.ContributionWad.ToString(CultureInfo.InvariantCulture),
            WeightsHash = p.WeightsHash,
        }).ToArray();

        var record = new RoundRecord
        {
            Round = round,
            Mechanism = mechanism,
            Guidance = guidance.Synthetic,
            Utilities = guidance.Utilities,
            SocialWelfare = guidance.SocialWelfare,
            PredictedGlobalLoss = guidance.PredictedGlobalLoss,
            TestLoss = evaluation.Loss,
            TestAccuracy = evaluation.Accuracy,
            ModelHash = modelHash,
            Measure = measurement.Measure,
            Validation = measurement.Validation,
            ShapleySeed = measurement.ShapleySeed,
            ShapleyPermutations = measurement.ShapleyPermutations,
            Evidence = measurement.Evidence,
            Organizations = organizations,
            Timings = timings with
            {
                Synthesis = organizations.Sum(o => o.SynthesisSeconds),
                Training = organizations.Sum(o => o.TrainingSeconds),
            },
        };
        return new PendingRound { Record = record, Journal = journal };
    }

    /// <summary>The trained record completed with its settlement and the round's final timings.</summary>
    public static RoundRecord Settled(RoundRecord trained, SettlementOutcome settlement, double settlementSeconds, double? wallSeconds)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(settlement);
        var organizations = trained.Organizations.Select((o, i) => o with
        {
            PreviewNetWei = settlement.PreviewNetWei[i].ToString(CultureInfo.InvariantCulture),
            ChainNetWei = settlement.ChainNetWei?[i].ToString(CultureInfo.InvariantCulture),
            TransferredWei = settlement.TransferredWei[i].ToString(CultureInfo.InvariantCulture),
            Vote = settlement.Votes[i],
        }).ToArray();

        // Total: the whole round when it ran in this process, else (a resumed settlement) the sum of its phases.
        var timings = trained.Timings with { Settlement = settlementSeconds };
        var phases = timings.Guidance + timings.Opening + timings.LocalPhase + timings.Aggregation + timings.Settlement;
        return trained with
        {
            Organizations = organizations,
            Settlement = new SettlementRecord
            {
                ChainId = settlement.ChainId,
                Contract = settlement.Contract,
                Status = settlement.State.Status.ToString(),
                ActiveMembers = settlement.State.ActiveMembers,
                Acceptances = settlement.State.Acceptances,
                Rejections = settlement.State.Rejections,
                Transactions = settlement.Transactions,
            },
            Timings = timings with { Total = Math.Max(phases, wallSeconds ?? 0) },
        };
    }
}
