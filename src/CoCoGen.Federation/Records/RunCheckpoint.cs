using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Records;

/// <summary>
/// Where a run stands, written atomically after every step that must not be repeated: the last
/// settled round, the contract, and a trained round whose settlement is under way with the journal
/// of the transactions already sent for it.
/// </summary>
public sealed record RunCheckpoint
{
    /// <summary>Generator pre-training steps done; the generator weights stored with the checkpoint are after this many.</summary>
    public int GeneratorSteps { get; init; }

    /// <summary>Last round fully settled and recorded (0 before round 1).</summary>
    public required int SettledRound { get; init; }

    /// <summary>Chain id of the settlement contract.</summary>
    public required long ChainId { get; init; }

    /// <summary>Settlement contract address.</summary>
    public required ChainAddress Contract { get; init; }

    /// <summary>The organizations as they joined, in registration order.</summary>
    public required IReadOnlyList<OrganizationProfile> Organizations { get; init; }

    /// <summary>The global weights' file in checkpoint/, named by its content, written before this record.</summary>
    public string? GlobalWeights { get; init; }

    /// <summary>The generator weights' file in checkpoint/, named by its content, written before this record.</summary>
    public string? GeneratorWeights { get; init; }

    /// <summary>Hash of the global weights stored with the checkpoint.</summary>
    public required string ModelHash { get; init; }

    /// <summary>A round trained and aggregated but not yet settled, if any.</summary>
    public PendingRound? Pending { get; init; }
}
