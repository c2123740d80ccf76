namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>The block range an audit used: events were queried from block 0 to <paramref name="Head"/>.</summary>
/// <param name="First">The first block holding an event or transaction the audit checked.</param>
/// <param name="Last">The last such block.</param>
/// <param name="Head">The chain's latest block when the audit finished reading (contract state such as bonds, ρ̂ and γ was read at the latest block, at or before it).</param>
public sealed record AuditedBlocks(long First, long Last, long Head);
