namespace CoCoGen.Mechanism.Experiments;

/// <summary>
/// What one round of real training measured, per organization in scenario order: the input of
/// <see cref="RealisedWelfare"/>.
/// </summary>
/// <param name="MeasuredLoss">Loss of the round's global model on the test set (the revenue's L).</param>
/// <param name="TrainedSamples">Samples each organization passed through local training (epochs × (D_i + generated_i)).</param>
/// <param name="GeneratedSamples">Synthetic samples each organization actually generated (g_i rounded to whole classes).</param>
/// <param name="Contributions">Measured x_i (the evidence layer's L(−i) − L on the validation subset).</param>
public sealed record RealisedRound(
    double MeasuredLoss,
    IReadOnlyList<double> TrainedSamples,
    IReadOnlyList<double> GeneratedSamples,
    IReadOnlyList<double> Contributions);
