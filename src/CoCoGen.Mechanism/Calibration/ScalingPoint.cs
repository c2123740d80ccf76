namespace CoCoGen.Mechanism.Calibration;

/// <summary>One measurement of paper Fig. 3: organization, replicate seed, n = D_i + g and the loss measured there.</summary>
/// <param name="Organization">Organization identifier.</param>
/// <param name="Seed">Replicate seed (model initialisation, batch order, synthesis noise).</param>
/// <param name="Synthetic">Synthetic samples g added.</param>
/// <param name="Samples">n = D_i + g.</param>
/// <param name="Loss">The measured loss.</param>
public sealed record ScalingPoint(string Organization, int Seed, long Synthetic, long Samples, double Loss);
