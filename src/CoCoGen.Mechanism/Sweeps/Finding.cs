namespace CoCoGen.Mechanism.Sweeps;

/// <summary>One of the paper's qualitative findings and whether it holds under this model.</summary>
/// <param name="Number">1–5, in the order of model.md §9.</param>
/// <param name="Claim">The paper's claim.</param>
/// <param name="Holds">Whether the sweeps bear it out.</param>
/// <param name="Evidence">The numbers it was judged on.</param>
public sealed record Finding(int Number, string Claim, bool Holds, string Evidence);
