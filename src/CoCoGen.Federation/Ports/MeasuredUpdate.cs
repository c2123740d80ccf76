namespace CoCoGen.Federation.Ports;

/// <summary>An accepted update as the measurement sees it.</summary>
/// <param name="Organization">Organization identifier (the summation order is ascending ordinal order of these).</param>
/// <param name="Weights">The uploaded weights.</param>
/// <param name="Samples">Its FedAvg weight: the samples the coordinator verified, never a claim.</param>
public sealed record MeasuredUpdate(string Organization, ModelWeights Weights, long Samples);
