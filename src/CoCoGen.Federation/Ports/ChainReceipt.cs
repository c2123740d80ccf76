namespace CoCoGen.Federation.Ports;

/// <summary>Where a transaction landed.</summary>
/// <param name="TransactionHash">0x-prefixed transaction hash.</param>
/// <param name="BlockNumber">Block that includes it.</param>
public sealed record ChainReceipt(string TransactionHash, long BlockNumber);
