using System.Numerics;
using CoCoGen.Chain.Accounts;

namespace CoCoGen.Chain.Rpc;

/// <summary>The receipt of a mined transaction.</summary>
/// <param name="TransactionHash">"0x…" hash.</param>
/// <param name="BlockNumber">Block that includes it.</param>
/// <param name="Succeeded">Status 1 (true) or 0 (reverted).</param>
/// <param name="GasUsed">Gas the transaction used.</param>
/// <param name="EffectiveGasPrice">Wei per gas actually paid.</param>
/// <param name="From">Sender.</param>
/// <param name="To">Recipient (null for a deployment).</param>
/// <param name="ContractAddress">Deployed contract, for a deployment.</param>
/// <param name="Logs">Emitted logs.</param>
public sealed record TransactionReceipt(
    string TransactionHash,
    ulong BlockNumber,
    bool Succeeded,
    ulong GasUsed,
    BigInteger EffectiveGasPrice,
    EthereumAddress From,
    EthereumAddress? To,
    EthereumAddress? ContractAddress,
    IReadOnlyList<LogEntry> Logs);
