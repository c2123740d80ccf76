using CoCoGen.Chain.Abi;

namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>Base of the typed exceptions generated for CoCoGenSettlement's custom errors.</summary>
public abstract class SettlementRevertException : ContractRevertException
{
    /// <summary>Wraps a decoded revert.</summary>
    protected SettlementRevertException(string operation, RevertReason reason, Exception? innerException)
        : base(operation, reason, innerException)
    {
    }
}
