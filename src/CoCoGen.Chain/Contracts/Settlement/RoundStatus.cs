namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>CoCoGenSettlement.RoundStatus, in declaration order (the ABI carries it as uint8).</summary>
public enum RoundStatus
{
    /// <summary>Never opened.</summary>
    None = 0,

    /// <summary>Opened with its seed hash and mode; waiting for the coordinator's commitment.</summary>
    Open = 1,

    /// <summary>Committed; the challenge window runs.</summary>
    Committed = 2,

    /// <summary>The commitment stood; transfers applied to the bonds.</summary>
    Settled = 3,

    /// <summary>A strict majority rejected the commitment: void, the coordinator slashed.</summary>
    Rejected = 4,

    /// <summary>Not committed in time: void, the coordinator slashed.</summary>
    Abandoned = 5,
}
