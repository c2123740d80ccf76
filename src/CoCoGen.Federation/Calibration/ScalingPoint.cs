namespace CoCoGen.Federation.Calibration;

/// <summary>One measurement: an organization trained on n = D_i + g samples reached this training loss.</summary>
/// <param name="Organization">Organization identifier.</param>
/// <param name="Synthetic">Synthetic samples g added.</param>
/// <param name="Samples">n = D_i + g.</param>
/// <param name="Loss">Training loss reached.</param>
public sealed record ScalingPoint(string Organization, long Synthetic, long Samples, double Loss);
