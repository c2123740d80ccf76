using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Records;

/// <summary>A transaction the run sent.</summary>
/// <param name="Step">What it did, for example <c>closeRound</c> or <c>profileRecord:org3</c>.</param>
/// <param name="Hash">Transaction hash.</param>
/// <param name="Block">Block number.</param>
public sealed record TransactionRecord(string Step, Hash32 Hash, long Block);
