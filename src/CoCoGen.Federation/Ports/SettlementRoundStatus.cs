namespace CoCoGen.Federation.Ports;

/// <summary>A round's state in the settlement contract (same order as the contract's enum).</summary>
public enum SettlementRoundStatus
{
    /// <summary>Never opened.</summary>
    None,

    /// <summary>Open for submissions.</summary>
    Open,

    /// <summary>Closed, transfers computable.</summary>
    Closed,

    /// <summary>A submission differed from the coordinator's record.</summary>
    Disputed,

    /// <summary>Transfers applied to the bonds.</summary>
    Settled,
}
