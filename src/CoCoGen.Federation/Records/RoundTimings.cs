namespace CoCoGen.Federation.Records;

/// <summary>Wall time of a round, split by phase (seconds).</summary>
public sealed record RoundTimings
{
    /// <summary>Guidance (solving the mechanism).</summary>
    public double Guidance { get; init; }

    /// <summary>Opening the round on chain before training (bond top-ups and openRound).</summary>
    public double Opening { get; init; }

    /// <summary>Synthesis, summed over organizations (each reports its own).</summary>
    public double Synthesis { get; init; }

    /// <summary>Local training, summed over organizations.</summary>
    public double Training { get; init; }

    /// <summary>Wall time of the whole local phase (synthesis and training, however parallel).</summary>
    public double LocalPhase { get; init; }

    /// <summary>Screening, FedAvg and evaluation.</summary>
    public double Aggregation { get; init; }

    /// <summary>
    /// Measuring contributions of record: the n + 1 canonical aggregates and evaluations on the validation subset,
    /// plus the Shapley coalitions when sampled (part of <see cref="Aggregation"/>).
    /// </summary>
    public double Measurement { get; init; }

    /// <summary>Writing the round's evidence bundle (weights and manifest).</summary>
    public double Evidence { get; init; }

    /// <summary>The on-chain steps after measurement: commitment, the organizations' reviews and votes, settlement.</summary>
    public double Settlement { get; init; }

    /// <summary>The whole round.</summary>
    public double Total { get; init; }
}
