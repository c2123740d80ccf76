using System.Numerics;
using CoCoGen.Chain.Abi;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;

namespace CoCoGen.Chain.Contracts;

/// <summary>Deploys contract bytecode with ABI-encoded constructor arguments.</summary>
public static class ContractDeployer
{
    /// <summary>Sends init code ‖ encoded arguments and returns the new contract's address with the receipt.</summary>
    /// <exception cref="ContractRevertException">The constructor reverted.</exception>
    public static async Task<(EthereumAddress Address, TransactionReceipt Receipt)> DeployAsync(
        TransactionSender sender, byte[] bytecode, IReadOnlyList<AbiParameter> constructorInputs, IReadOnlyList<object?> arguments, BigInteger valueWei, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(bytecode);
        ArgumentNullException.ThrowIfNull(constructorInputs);
        var encoded = AbiEncoder.Encode(constructorInputs.Select(input => input.Type).ToArray(), arguments);
        var initCode = new byte[bytecode.Length + encoded.Length];
        bytecode.CopyTo(initCode, 0);
        encoded.CopyTo(initCode, bytecode.Length);
        TransactionReceipt receipt;
        try
        {
            receipt = await sender.SendAndWaitAsync(new TransactionRequest(null, initCode, valueWei), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException exception) when (exception.RevertData is { } revertData)
        {
            throw new ContractRevertException($"deployment from {sender.Address}", revertData, innerException: exception);
        }

        var address = receipt.ContractAddress ?? throw new InvalidOperationException($"Deployment {receipt.TransactionHash} has no contract address in its receipt.");
        return (address, receipt);
    }
}
