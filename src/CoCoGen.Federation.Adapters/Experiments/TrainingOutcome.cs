namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>What one real training with a fixed synthetic-sample vector measured after its last round.</summary>
/// <param name="Key">The training's identity: α, seed and the realised g vector.</param>
/// <param name="TestLoss">Mean cross-entropy of the final global model on the test subset.</param>
/// <param name="TestAccuracy">Its accuracy there.</param>
/// <param name="Contributions">x_i = L(−i) − L of the last round, per organization in roster order.</param>
/// <param name="LocalSamples">D_i.</param>
/// <param name="Generated">Synthetic samples each organization generated per round (g_i rounded down to whole classes).</param>
/// <param name="Trained">Samples each organization trained on per round (local epochs × (D_i + generated_i)).</param>
public sealed record TrainingOutcome(
    string Key,
    double TestLoss,
    double TestAccuracy,
    IReadOnlyList<double> Contributions,
    IReadOnlyList<long> LocalSamples,
    IReadOnlyList<long> Generated,
    IReadOnlyList<long> Trained);
