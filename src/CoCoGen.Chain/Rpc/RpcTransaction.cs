using CoCoGen.Chain.Accounts;

namespace CoCoGen.Chain.Rpc;

/// <summary>What eth_getTransactionByHash says about a transaction the node knows (pending or mined).</summary>
/// <param name="Hash">"0x…" hash.</param>
/// <param name="From">Sender.</param>
/// <param name="Nonce">Sender nonce.</param>
/// <param name="BlockNumber">Null while pending.</param>
public sealed record RpcTransaction(string Hash, EthereumAddress From, ulong Nonce, ulong? BlockNumber);
