namespace CoCoGen.Mechanism.Calibration;

/// <summary>A loss measured at a training-set size, with the weight the curve update gives it.</summary>
/// <param name="Samples">Realised n_i = D_i + g_i the loss was measured at.</param>
/// <param name="Loss">The measured local training loss.</param>
/// <param name="Weight">Its weight (recent rounds weigh more); positive.</param>
public readonly record struct LossObservationPoint(double Samples, double Loss, double Weight);
