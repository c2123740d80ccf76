using System.Numerics;
using System.Text.Json;
using CoCoGen.Chain.Accounts;

namespace CoCoGen.Chain.Rpc;

/// <summary>The Ethereum JSON-RPC methods this client needs; a Nethereum or other transport can implement it.</summary>
public interface IEthereumRpc
{
    /// <summary>eth_chainId.</summary>
    Task<ulong> ChainIdAsync(CancellationToken cancellationToken);

    /// <summary>eth_blockNumber.</summary>
    Task<ulong> BlockNumberAsync(CancellationToken cancellationToken);

    /// <summary>eth_getBalance.</summary>
    Task<BigInteger> GetBalanceAsync(EthereumAddress account, string blockTag, CancellationToken cancellationToken);

    /// <summary>eth_getTransactionCount: the account's next nonce at the tag.</summary>
    Task<ulong> GetTransactionCountAsync(EthereumAddress account, string blockTag, CancellationToken cancellationToken);

    /// <summary>eth_maxPriorityFeePerGas.</summary>
    Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken cancellationToken);

    /// <summary>eth_feeHistory over the last <paramref name="blockCount"/> blocks with tip percentiles.</summary>
    Task<FeeHistory> FeeHistoryAsync(int blockCount, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken);

    /// <summary>eth_estimateGas; a revert surfaces as <see cref="JsonRpcException"/> with revert data.</summary>
    Task<ulong> EstimateGasAsync(CallRequest request, CancellationToken cancellationToken);

    /// <summary>eth_call; a revert surfaces as <see cref="JsonRpcException"/> with revert data.</summary>
    Task<byte[]> CallAsync(CallRequest request, string blockTag, CancellationToken cancellationToken);

    /// <summary>eth_sendRawTransaction; returns the hash the node reports.</summary>
    Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken cancellationToken);

    /// <summary>eth_getTransactionReceipt; null while pending or unknown.</summary>
    Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken);

    /// <summary>eth_getTransactionByHash; null when the node does not know it.</summary>
    Task<RpcTransaction?> GetTransactionByHashAsync(string transactionHash, CancellationToken cancellationToken);

    /// <summary>eth_getLogs for one contract and block range, optionally filtered by topic 0.</summary>
    Task<IReadOnlyList<LogEntry>> GetLogsAsync(EthereumAddress address, ulong fromBlock, ulong toBlock, byte[]? topic0, CancellationToken cancellationToken);

    /// <summary>Any other method (e.g. evm_mine, evm_setAutomine); returns the raw result.</summary>
    Task<JsonElement> RequestAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken);
}
