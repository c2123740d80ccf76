using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Records;

/// <summary>One organization's part in one round.</summary>
public sealed record OrganizationRoundRecord
{
    /// <summary>Organization identifier.</summary>
    public required string Id { get; init; }

    /// <summary>Its settlement account.</summary>
    public required ChainAddress Address { get; init; }

    /// <summary><see cref="UpdateOutcome"/> of its update.</summary>
    public required UpdateOutcome Outcome { get; init; }

    /// <summary>Why the update was not used (straggler or rejected), else null.</summary>
    public string? Reason { get; init; }

    /// <summary>Real samples trained on.</summary>
    public long LocalSamples { get; init; }

    /// <summary>Synthetic samples trained on.</summary>
    public long SyntheticSamples { get; init; }

    /// <summary>Local training loss.</summary>
    public double? TrainingLoss { get; init; }

    /// <summary>Seconds spent synthesising.</summary>
    public double SynthesisSeconds { get; init; }

    /// <summary>Seconds spent training.</summary>
    public double TrainingSeconds { get; init; }

    /// <summary>Samples the coordinator could verify (declared D_i and assigned g_i* cap the claims): its FedAvg weight.</summary>
    public long? VerifiedSamples { get; init; }

    /// <summary>L(−i): canonical validation loss of the aggregate without this update (accepted updates only).</summary>
    public double? LossWithout { get; init; }

    /// <summary>Monte Carlo Shapley value of the update in loss reduction, when sampled (accepted updates only).</summary>
    public double? Shapley { get; init; }

    /// <summary>Standard error of <see cref="Shapley"/>.</summary>
    public double? ShapleyStandardError { get; init; }

    /// <summary>Contribution x_i (0 when the update was not used).</summary>
    public double Contribution { get; init; }

    /// <summary>x_i × 1e18 as written on chain (decimal string).</summary>
    public required string ContributionWad { get; init; }

    /// <summary>Hash of the uploaded weights, when accepted.</summary>
    public string? WeightsHash { get; init; }

    /// <summary>Off-chain preview of the net transfer in wei by the pair rule (decimal string).</summary>
    public string? PreviewNetWei { get; init; }

    /// <summary>The contract's net transfer in wei by the committed rule, stakes excluded (payoffCalculate while committed, even of a commitment later rejected; decimal string; absent when the round was abandoned uncommitted).</summary>
    public string? ChainNetWei { get; init; }

    /// <summary>What settleRound moved on its bond in wei: the net plus its share of forfeited stakes (decimal string; "0" when the round was void).</summary>
    public string? TransferredWei { get; init; }

    /// <summary>Its vote on the round's commitment (absent: it did not vote, which counts as acceptance).</summary>
    public VoteRecord? Vote { get; init; }
}
