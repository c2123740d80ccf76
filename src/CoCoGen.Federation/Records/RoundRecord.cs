namespace CoCoGen.Federation.Records;

/// <summary>One line of rounds.jsonl: everything a round decided, measured and settled.</summary>
public sealed record RoundRecord
{
    /// <summary>Round number, from 1.</summary>
    public required int Round { get; init; }

    /// <summary>Decision rule that produced the guidance.</summary>
    public required string Mechanism { get; init; }

    /// <summary>g_i* per organization, as the mechanism solved it.</summary>
    public required IReadOnlyList<double> Guidance { get; init; }

    /// <summary>U_i per organization at the guidance.</summary>
    public required IReadOnlyList<double> Utilities { get; init; }

    /// <summary>Σ U_i at the guidance.</summary>
    public required double SocialWelfare { get; init; }

    /// <summary>L(g*) predicted by the mechanism.</summary>
    public required double PredictedGlobalLoss { get; init; }

    /// <summary>Test-set loss of the aggregated model.</summary>
    public required double TestLoss { get; init; }

    /// <summary>Test-set accuracy of the aggregated model.</summary>
    public required double TestAccuracy { get; init; }

    /// <summary>Hash of the aggregated model's weights.</summary>
    public required string ModelHash { get; init; }

    /// <summary>How x_i was measured: <c>performance</c> (L(−i) − L), <c>data</c> (verified counts) or <c>shapley</c>.</summary>
    public string? Measure { get; init; }

    /// <summary>The validation subset and L (absent for rounds recorded before contributions were measured).</summary>
    public ValidationRecord? Validation { get; init; }

    /// <summary>Seed of the Monte Carlo Shapley permutations, when Shapley values were sampled.</summary>
    public int? ShapleySeed { get; init; }

    /// <summary>Permutations sampled for the Shapley values (0 when none).</summary>
    public int ShapleyPermutations { get; init; }

    /// <summary>Keccak-256 of the round's evidence bundle (evidence/&lt;hash&gt;.json), 0x-prefixed.</summary>
    public string? Evidence { get; init; }

    /// <summary>Per organization, in registration order.</summary>
    public required IReadOnlyList<OrganizationRoundRecord> Organizations { get; init; }

    /// <summary>The on-chain settlement (absent until settled).</summary>
    public SettlementRecord? Settlement { get; init; }

    /// <summary>Wall time per phase.</summary>
    public required RoundTimings Timings { get; init; }
}
