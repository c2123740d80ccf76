namespace CoCoGen.Chain.Hosting;

/// <summary>The <c>chain.json</c> a started local chain leaves in its folder, so later commands find it.</summary>
/// <param name="ProcessId">The anvil process.</param>
/// <param name="Port">Its loopback port.</param>
/// <param name="ChainId">Its chain id.</param>
/// <param name="StartedAt">When it was started (UTC).</param>
public sealed record LocalChainDescriptor(int ProcessId, int Port, long ChainId, DateTimeOffset StartedAt)
{
    /// <summary>The JSON-RPC endpoint.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");
}
