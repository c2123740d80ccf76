namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// The consortium of the distributed shape (section <c>Consortium</c>): the roster fixed before round 1, the
/// coordinator's address, and the transport's timeouts and limits. Every process of a run reads the same roster.
/// </summary>
public sealed class ConsortiumOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Consortium";

    /// <summary>The coordinator's address: organizations accept only what this key signs.</summary>
    public string? CoordinatorAddress { get; set; }

    /// <summary>Organization id → address and declared D_i, one entry per organization (org1 … orgN).</summary>
    public List<RosterMember> Roster { get; set; } = [];

    /// <summary>How long the coordinator waits for every roster member to join (the run fails naming who is missing).</summary>
    public int JoinTimeoutSeconds { get; set; } = 600;

    /// <summary>How long the coordinator waits for a bond (the run fails naming the organization).</summary>
    public int BondTimeoutSeconds { get; set; } = 300;

    /// <summary>Largest difference between a signed timestamp and the receiver's clock.</summary>
    public int ClockSkewSeconds { get; set; } = 120;

    /// <summary>How long an organization keeps reconnecting to a coordinator that is gone (then it exits 1).</summary>
    public int ReconnectTimeoutSeconds { get; set; } = 600;

    /// <summary>Largest weights vector either side accepts, in MiB.</summary>
    public int MaxWeightsMebibytes { get; set; } = 64;
}
