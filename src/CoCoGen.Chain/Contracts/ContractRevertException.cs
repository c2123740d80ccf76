using CoCoGen.Chain.Abi;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Contracts;

/// <summary>A contract call or transaction reverted; carries the raw revert data and its decoding.</summary>
public class ContractRevertException : Exception
{
    /// <summary>Creates the exception from revert data, decoded against an optional ABI.</summary>
    public ContractRevertException(string operation, byte[] revertData, ContractAbi? abi = null, Exception? innerException = null)
        : this(operation, RevertReason.Decode(revertData ?? throw new ArgumentNullException(nameof(revertData)), abi), innerException)
    {
    }

    /// <summary>Creates the exception from a decoded reason.</summary>
    public ContractRevertException(string operation, RevertReason reason, Exception? innerException = null)
        : base($"{operation} reverted: {reason}", innerException)
    {
        Operation = operation;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>What was attempted, e.g. "payoffTransfer(uint256) from 0x…".</summary>
    public string Operation { get; }

    /// <summary>The decoded revert reason.</summary>
    public RevertReason Reason { get; }

    /// <summary>The raw revert data as hex.</summary>
    public string RevertDataHex => Hex.Encode(Reason.Data);
}
