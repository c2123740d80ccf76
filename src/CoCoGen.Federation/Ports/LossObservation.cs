namespace CoCoGen.Federation.Ports;

/// <summary>A local training loss an organization reported in an earlier round, at the training-set size it was averaged with.</summary>
/// <param name="Organization">Index of the organization in registration order.</param>
/// <param name="Round">The round it was measured in.</param>
/// <param name="Samples">Realised n_i: the verified real plus synthetic samples.</param>
/// <param name="Loss">The local model's training loss.</param>
public sealed record LossObservation(int Organization, int Round, long Samples, double Loss);
