namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>One organization of the roster.</summary>
public sealed class RosterMember
{
    /// <summary>Organization id: org1 … orgN.</summary>
    public string? Organization { get; set; }

    /// <summary>Its settlement account, the only key it may join with (0x-prefixed hex).</summary>
    public string? Address { get; set; }

    /// <summary>Declared D_i: the real samples it holds, the most any of its updates may count for.</summary>
    public long LocalSamples { get; set; }
}
