namespace CoCoGen.Federation.Ports;

/// <summary>What the coordinator hands an organization for one round (steps 1–3).</summary>
/// <param name="Round">Round number, from 1.</param>
/// <param name="Global">Global weights to start from.</param>
/// <param name="Generator">The conditional generator trained before round 1.</param>
/// <param name="SyntheticSamples">g_i*: samples to synthesise, an equal number per class.</param>
public sealed record RoundAssignment(int Round, ModelWeights Global, ModelWeights Generator, int SyntheticSamples)
{
    /// <summary>
    /// SHA-256 of the round's validation seed (0x-prefixed hex): the coordinator's commitment, made before training,
    /// to the subset the round's contributions will be measured on. The seed itself is revealed in the evidence.
    /// </summary>
    public string? ValidationSeedHash { get; init; }
}
