namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// Federated training with a fixed sample vector: each round every agent trains s_i batches from the global model and
/// the server averages the local models. This is how the paper's Table 1 measures the "actual accuracy" of a
/// mechanism's equilibrium: train with the equilibrium's contributions and evaluate on every agent's test data.
/// </summary>
public static class FixedContributionTraining
{
    /// <summary>Runs <paramref name="rounds"/> rounds on <paramref name="oracle"/> with contributions <paramref name="samples"/> (in batches); returns a_j of the final model.</summary>
    public static IReadOnlyList<double> Run(FederatedCoalitionOracle oracle, IReadOnlyList<double> samples, int rounds)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        var accuracies = oracle.GlobalAccuracies;
        for (int r = 0; r < rounds; r++)
        {
            // The smallest probe (one sample) is trained and discarded: only the local models enter the average.
            accuracies = oracle.Train(samples, 1.0 / oracle.BatchSize, probes: 1).Commit();
        }

        return accuracies;
    }
}
