namespace CoCoGen.Federation.Calibration;

/// <summary>One measurement: a model an organization trained on n = D_i + g samples has this loss on the test set.</summary>
/// <param name="Organization">Organization identifier.</param>
/// <param name="Synthetic">Synthetic samples g added.</param>
/// <param name="Samples">n = D_i + g.</param>
/// <param name="Loss">Test-set loss of the trained model.</param>
public sealed record ScalingPoint(string Organization, long Synthetic, long Samples, double Loss);
