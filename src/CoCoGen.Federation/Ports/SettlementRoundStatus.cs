namespace CoCoGen.Federation.Ports;

/// <summary>A round's state in the settlement contract (same order as the contract's enum).</summary>
public enum SettlementRoundStatus
{
    /// <summary>Never opened.</summary>
    None,

    /// <summary>Opened with its validation seed hash and mode; waiting for the coordinator's commitment.</summary>
    Open,

    /// <summary>Committed; members accept or reject within the challenge window.</summary>
    Committed,

    /// <summary>The commitment stood; transfers applied to the bonds.</summary>
    Settled,

    /// <summary>A strict majority of the round's members rejected the commitment: void, the coordinator slashed.</summary>
    Rejected,

    /// <summary>Not committed by the commit deadline: void, the coordinator slashed.</summary>
    Abandoned,
}
