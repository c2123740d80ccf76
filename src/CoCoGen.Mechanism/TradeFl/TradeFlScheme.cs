namespace CoCoGen.Mechanism.TradeFl;

/// <summary>The resource-contribution schemes compared in TradeFL's Section VI.</summary>
public enum TradeFlScheme
{
    /// <summary>Distributed best response (Algorithm 2).</summary>
    Dbr,

    /// <summary>Centralized generalized Benders decomposition (Algorithm 1).</summary>
    Cgbd,

    /// <summary>DBR without payoff redistribution: organizations decide with γ = 0.</summary>
    Wpr,

    /// <summary>DBR with greedy computation allocation: f_i is the lowest level with f_i ≥ k·d_i, k = F_i^(m).</summary>
    Gca,

    /// <summary>Finite-improvement scheme: d_i restricted to the grid {e, 2e, …, 1}.</summary>
    Fip,

    /// <summary>Theoretically optimal scheme: all data at the top level, ignoring deadline and damage.</summary>
    Tos,
}
