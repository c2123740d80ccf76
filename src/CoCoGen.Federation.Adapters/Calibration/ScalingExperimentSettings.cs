namespace CoCoGen.Federation.Adapters.Calibration;

/// <summary>How paper Fig. 3 is measured.</summary>
/// <param name="Grid">Synthetic samples g per organization (at least 3 values).</param>
/// <param name="Steps">Optimizer steps of every local training, the same for every n so n is the only thing that varies (used when <paramref name="Epochs"/> is 0).</param>
/// <param name="Seeds">Replicates per point: seeds 1..Seeds vary the initial weights, the batch order and the synthesis noise.</param>
/// <param name="GeneratorPasses">FedAvg passes of conditional-generator pre-training before the measurement.</param>
/// <param name="Measure">Which loss a point records.</param>
/// <param name="Epochs">When positive, every point trains this many passes over its D_i + g (the paper's protocol: steps grow with n) instead of <paramref name="Steps"/>.</param>
/// <param name="CosineDecay">Decay the learning rate to near zero over each point's steps, so the measured model is not a noisy last SGD iterate.</param>
public sealed record ScalingExperimentSettings(IReadOnlyList<int> Grid, int Steps, int Seeds, int GeneratorPasses, ScalingMeasure Measure, int Epochs = 0, bool CosineDecay = false)
{
    /// <summary>The optimizer steps of a point with <paramref name="samples"/> training samples in batches of <paramref name="batchSize"/>.</summary>
    public int StepsFor(int samples, int batchSize) => Epochs > 0 ? checked((int)(((long)Epochs * samples + batchSize - 1) / batchSize)) : Steps;
}
