namespace CoCoGen.Federation.Ports;

/// <summary>Monte Carlo Shapley sampling over a round's coalitions (random permutations of the accepted updates).</summary>
/// <param name="Permutations">Permutations sampled (at least 2, for a standard error).</param>
/// <param name="Seed">Seed of the permutation draws, recorded with the values.</param>
public sealed record ShapleySampling(int Permutations, int Seed);
