namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>A round in which a firm earned less than in the round before (a violation of Proposition 3).</summary>
/// <param name="Round">t.</param>
/// <param name="Firm">"low" or "high".</param>
/// <param name="Before">U at round t − 1.</param>
/// <param name="After">U at round t.</param>
public sealed record RevenueDecrease(int Round, string Firm, double Before, double After);
