namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>CoCoGenSettlement.RoundStatus, in declaration order (the ABI carries it as uint8).</summary>
public enum RoundStatus
{
    /// <summary>Never opened.</summary>
    None = 0,

    /// <summary>Accepting submissions until the deadline.</summary>
    Open = 1,

    /// <summary>Closed without disputes; ready for payoffTransfer.</summary>
    Closed = 2,

    /// <summary>A submission differed from the coordinator's record; bonds unlocked, nothing transferred.</summary>
    Disputed = 3,

    /// <summary>Transfers applied to the bonds.</summary>
    Settled = 4,
}
