namespace CoCoGen.Federation.Adapters.Calibration;

/// <summary>How paper Fig. 3 is measured.</summary>
/// <param name="Grid">Synthetic samples g per organization (at least 3 values).</param>
/// <param name="Steps">Optimizer steps of every local training, the same for every n so n is the only thing that varies.</param>
/// <param name="Seeds">Replicates per point: seeds 1..Seeds vary the initial weights, the batch order and the synthesis noise.</param>
/// <param name="GeneratorPasses">FedAvg passes of conditional-generator pre-training before the measurement.</param>
/// <param name="Measure">Which loss a point records.</param>
public sealed record ScalingExperimentSettings(IReadOnlyList<int> Grid, int Steps, int Seeds, int GeneratorPasses, ScalingMeasure Measure);
