namespace CoCoGen.Mechanism.DefectionFree;

/// <summary>The collaboration schemes of Sections 3–4.</summary>
public enum CollaborationScheme
{
    /// <summary>Algorithm 1: the low firm shares fully, the high firm only up to the revenue-safe cap.</summary>
    DefectionFree,

    /// <summary>Section 3.3: only the low-quality firm shares; the low-quality model stays put.</summary>
    OnlyLowShares,

    /// <summary>Section 3.2: both share fully (FedAvg); both models approach the same quality.</summary>
    Complete,
}
