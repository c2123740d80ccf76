namespace CoCoGen.Chain.Rpc;

/// <summary>Transport limits of a <see cref="ChainEndpoint"/>.</summary>
public sealed class ChainEndpointOptions
{
    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per request (transport failures only).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; doubles after each.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);
}
