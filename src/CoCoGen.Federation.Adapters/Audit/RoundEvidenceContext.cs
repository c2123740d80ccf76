using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>What a recomputation of one round knows besides the bundle, each from a source of its own.</summary>
/// <param name="Round">The round the bundle must describe.</param>
/// <param name="Contract">The settlement contract the bundle must name (null: unknown, which fails the check).</param>
/// <param name="Roster">The members in registration order with their declared D_i.</param>
/// <param name="AssignedSynthetic">Per member, the g_i* it was assigned, where known (an organization knows only its own).</param>
/// <param name="GlobalBefore">The weights hash the round must start from (the previous round's end, or what the member trained from); null: unchecked.</param>
/// <param name="Terms">The contract's ρ̂, γ and weiPerUnit, for the transfers.</param>
public sealed record RoundEvidenceContext(
    int Round,
    ChainAddress? Contract,
    IReadOnlyList<OrganizationProfile> Roster,
    IReadOnlyList<long?> AssignedSynthetic,
    string? GlobalBefore,
    SettlementTerms Terms);
