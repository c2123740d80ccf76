namespace CoCoGen.Federation.Ports;

/// <summary>Where a transaction landed.</summary>
/// <param name="TransactionHash">The transaction's hash.</param>
/// <param name="BlockNumber">Block that includes it.</param>
public sealed record ChainReceipt(Hash32 TransactionHash, long BlockNumber);
