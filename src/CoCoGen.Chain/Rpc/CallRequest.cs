using System.Numerics;
using CoCoGen.Chain.Accounts;

namespace CoCoGen.Chain.Rpc;

/// <summary>The transaction-like object of eth_call and eth_estimateGas.</summary>
/// <param name="From">Caller (msg.sender).</param>
/// <param name="To">Contract; null for a deployment estimate.</param>
/// <param name="Data">Call data.</param>
/// <param name="Value">Wei sent along.</param>
public sealed record CallRequest(EthereumAddress? From, EthereumAddress? To, byte[] Data, BigInteger Value = default);
