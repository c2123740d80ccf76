namespace CoCoGen.Federation.Ports;

/// <summary>An update as its organization uploaded it: what the evidence must average in its name.</summary>
/// <param name="WeightsHash">Keccak-256 of the uploaded weights (0x-prefixed hex).</param>
/// <param name="LocalSamples">The real samples it claimed.</param>
/// <param name="SyntheticSamples">The synthetic samples it claimed.</param>
public sealed record UploadedUpdate(string WeightsHash, long LocalSamples, long SyntheticSamples);
