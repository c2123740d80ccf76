using CoCoGen.Chain.Accounts;

namespace CoCoGen.Chain.Rpc;

/// <summary>One event log of a receipt or of eth_getLogs.</summary>
/// <param name="Address">The emitting contract.</param>
/// <param name="Topics">Topic 0 is the event signature hash unless anonymous.</param>
/// <param name="Data">The non-indexed arguments, ABI-encoded.</param>
/// <param name="BlockNumber">Block that holds the log.</param>
/// <param name="TransactionHash">Transaction that emitted it, "0x…".</param>
/// <param name="LogIndex">Position in the block.</param>
public sealed record LogEntry(EthereumAddress Address, IReadOnlyList<byte[]> Topics, byte[] Data, ulong BlockNumber, string TransactionHash, ulong LogIndex);
