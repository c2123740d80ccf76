using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;

namespace CoCoGen.Chain.Contracts;

/// <summary>
/// <see cref="IContractCaller"/> over a <see cref="TransactionSender"/>: calls use eth_call from the sender's account;
/// transactions are gas-estimated first, so a revert is reported with its data before anything is signed.
/// </summary>
public sealed class ContractCaller : IContractCaller
{
    private readonly TransactionSender _sender;

    /// <summary>Calls and sends through the given sender.</summary>
    public ContractCaller(TransactionSender sender) => _sender = sender ?? throw new ArgumentNullException(nameof(sender));

    /// <inheritdoc />
    public EthereumAddress Account => _sender.Address;

    /// <summary>The sender used for transactions.</summary>
    public TransactionSender Sender => _sender;

    /// <inheritdoc />
    public async Task<byte[]> CallAsync(EthereumAddress contract, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            return await _sender.Rpc.CallAsync(new CallRequest(_sender.Address, contract, data), BlockTag.Latest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException exception) when (exception.RevertData is { } revertData)
        {
            throw new ContractRevertException(Describe("call", contract, data), revertData, innerException: exception);
        }
    }

    /// <inheritdoc />
    public async Task<TransactionReceipt> SendAsync(EthereumAddress contract, byte[] data, BigInteger valueWei, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt;
        try
        {
            receipt = await _sender.SendAndWaitAsync(new TransactionRequest(contract, data, valueWei), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException exception) when (exception.RevertData is { } revertData)
        {
            throw new ContractRevertException(Describe("transaction", contract, data), revertData, innerException: exception);
        }
        catch (TransactionRevertedException exception)
        {
            // Mined with status 0 although the estimate passed: the state changed in between, typically through an
            // earlier transaction of the same block. Replaying on the state after that block recovers the revert data.
            try
            {
                await _sender.Rpc.CallAsync(new CallRequest(_sender.Address, contract, data, valueWei), BlockTag.Number(exception.Receipt.BlockNumber), cancellationToken).ConfigureAwait(false);
            }
            catch (JsonRpcException replay) when (replay.RevertData is { } revertData)
            {
                throw new ContractRevertException(Describe("transaction", contract, data), revertData, innerException: exception);
            }

            throw;
        }

        return receipt;
    }

    private string Describe(string kind, EthereumAddress contract, byte[] data) =>
        $"{kind} {(data.Length >= 4 ? Hex.Encode(data.AsSpan(0, 4)) : "0x")} to {contract} from {_sender.Address}";
}
