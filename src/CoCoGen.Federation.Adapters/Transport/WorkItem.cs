using System.Numerics;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>A piece of work the coordinator hands an organization process (JSON on the wire).</summary>
public sealed record WorkItem
{
    /// <summary>Unique id; results are posted against it.</summary>
    public required string Id { get; init; }

    /// <summary>What to do.</summary>
    public required WorkKind Kind { get; init; }

    /// <summary>Round (train, submit).</summary>
    public int Round { get; init; }

    /// <summary>Generator pre-training pass (generator).</summary>
    public int Pass { get; init; }

    /// <summary>Synthetic samples to generate (train).</summary>
    public int SyntheticSamples { get; init; }

    /// <summary>Settlement contract (bond).</summary>
    public ChainAddress? Contract { get; init; }

    /// <summary>Chain id the contract lives on (bond).</summary>
    public long ChainId { get; init; }

    /// <summary>Bond to deposit in wei; zero binds without depositing (bond).</summary>
    public BigInteger Wei { get; init; }

    /// <summary>Profile to check and submit (submit).</summary>
    public ContributionProfile? Profile { get; init; }
}
