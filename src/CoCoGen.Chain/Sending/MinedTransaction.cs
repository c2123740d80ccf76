using System.Numerics;
using CoCoGen.Chain.Accounts;
using Nethereum.RPC.Eth.DTOs;

namespace CoCoGen.Chain.Sending;

/// <summary>A mined transaction's receipt in typed form; <see cref="Receipt"/> keeps Nethereum's receipt for event decoding.</summary>
/// <param name="Hash">The transaction hash.</param>
/// <param name="BlockNumber">The block that includes it.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The called contract or account; null for a deployment.</param>
/// <param name="ContractAddress">The deployed contract, for a deployment.</param>
/// <param name="Succeeded">Status 1.</param>
/// <param name="GasUsed">Gas used.</param>
/// <param name="EffectiveGasPrice">Wei paid per gas.</param>
/// <param name="Receipt">Nethereum's receipt (logs for <c>DecodeAllEvents</c>).</param>
public sealed record MinedTransaction(
    TransactionHash Hash,
    long BlockNumber,
    EthereumAddress From,
    EthereumAddress? To,
    EthereumAddress? ContractAddress,
    bool Succeeded,
    long GasUsed,
    BigInteger EffectiveGasPrice,
    TransactionReceipt Receipt)
{
    /// <summary>Converts a receipt a node returned.</summary>
    public static MinedTransaction Of(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new MinedTransaction(
            TransactionHash.Parse(receipt.TransactionHash),
            (long)receipt.BlockNumber.Value,
            EthereumAddress.Parse(receipt.From),
            string.IsNullOrEmpty(receipt.To) ? null : EthereumAddress.Parse(receipt.To),
            string.IsNullOrEmpty(receipt.ContractAddress) ? null : EthereumAddress.Parse(receipt.ContractAddress),
            receipt.Succeeded(),
            (long)receipt.GasUsed.Value,
            receipt.EffectiveGasPrice?.Value ?? BigInteger.Zero,
            receipt);
    }
}
