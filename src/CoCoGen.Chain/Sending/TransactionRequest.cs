using System.Numerics;
using CoCoGen.Chain.Accounts;

namespace CoCoGen.Chain.Sending;

/// <summary>What to send: the sender fills in nonce, fees, gas and chain id.</summary>
/// <param name="To">Recipient contract or account; null deploys <paramref name="Data"/> as init code.</param>
/// <param name="Data">Call data or init code.</param>
/// <param name="Value">Wei to send.</param>
/// <param name="GasLimit">Fixed gas limit; null estimates it (and surfaces a revert before anything is sent).</param>
public sealed record TransactionRequest(EthereumAddress? To, byte[] Data, BigInteger Value = default, long? GasLimit = null);
