using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Rpc;

namespace CoCoGen.Chain.Contracts;

/// <summary>Calls and transactions against contracts on behalf of one account; what a typed binding needs.</summary>
public interface IContractCaller
{
    /// <summary>The account calls are made from.</summary>
    EthereumAddress Account { get; }

    /// <summary>eth_call at the latest block; a revert throws <see cref="ContractRevertException"/>.</summary>
    Task<byte[]> CallAsync(EthereumAddress contract, byte[] data, CancellationToken cancellationToken);

    /// <summary>Sends a transaction and waits for its successful receipt; a revert throws <see cref="ContractRevertException"/>.</summary>
    Task<TransactionReceipt> SendAsync(EthereumAddress contract, byte[] data, BigInteger valueWei, CancellationToken cancellationToken);
}
