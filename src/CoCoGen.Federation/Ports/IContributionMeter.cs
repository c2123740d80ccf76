namespace CoCoGen.Federation.Ports;

/// <summary>
/// The measurement of record behind every payment: the round's aggregate and each leave-one-out aggregate L(−i),
/// computed and scored so that any member or auditor who repeats it on its own machine gets the same bits.
/// </summary>
public interface IContributionMeter
{
    /// <summary>SHA-256 of the validation pool the subsets are drawn from (0x-prefixed hex).</summary>
    string PoolHash { get; }

    /// <summary>Images drawn from the pool for each round's subset.</summary>
    int SubsetSize { get; }

    /// <summary>
    /// Aggregates <paramref name="updates"/> (FedAvg over their verified sample counts, summed in the order given,
    /// which must be ascending ordinal organization order) and scores the aggregate and every leave-one-out
    /// aggregate on the subset that <paramref name="validationSeed"/> draws from the pool.
    /// </summary>
    /// <param name="validationSeed">The round's subset seed (32 bytes).</param>
    /// <param name="before">The global weights before the round.</param>
    /// <param name="updates">The accepted updates, at least one.</param>
    /// <param name="shapley">Monte Carlo Shapley sampling to do as well, or null.</param>
    /// <param name="cancellationToken">Stops the measurement between evaluations.</param>
    RoundMeasurement Measure(
        ReadOnlySpan<byte> validationSeed,
        ModelWeights before,
        IReadOnlyList<MeasuredUpdate> updates,
        ShapleySampling? shapley,
        CancellationToken cancellationToken);
}
