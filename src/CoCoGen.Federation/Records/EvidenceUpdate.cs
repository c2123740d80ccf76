namespace CoCoGen.Federation.Records;

/// <summary>An accepted update as the evidence holds it.</summary>
/// <param name="Organization">Organization id.</param>
/// <param name="Weights">Keccak-256 of its weights (a blob; also the weights hash recorded on chain).</param>
/// <param name="ClaimedLocal">Real samples it claimed.</param>
/// <param name="ClaimedSynthetic">Synthetic samples it claimed.</param>
/// <param name="VerifiedSamples">Its FedAvg weight: min(claimed real, declared D_i) + min(claimed synthetic, assigned g_i*).</param>
public sealed record EvidenceUpdate(string Organization, string Weights, long ClaimedLocal, long ClaimedSynthetic, long VerifiedSamples);
