namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>CoCoGenSettlement.SettlementMode, in declaration order (the ABI carries it as uint8).</summary>
public enum SettlementMode
{
    /// <summary>The capped pair rule over committed contributions.</summary>
    PairRule = 0,

    /// <summary>A committed, balanced net vector in wei (M^Shap).</summary>
    NetVector = 1,
}
