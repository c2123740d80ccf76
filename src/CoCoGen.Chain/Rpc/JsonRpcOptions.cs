namespace CoCoGen.Chain.Rpc;

/// <summary>Where the JSON-RPC endpoint is, which chain it must serve, and how patiently to talk to it.</summary>
public sealed class JsonRpcOptions
{
    /// <summary>HTTP endpoint, e.g. http://127.0.0.1:8545.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The chain id the endpoint must report; the client refuses any other.</summary>
    public ulong ChainId { get; set; }

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per call, the first included, for transport failures (timeouts, connection errors, HTTP 5xx/429).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; doubled for each further retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Checks the options and names the first invalid one.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"JsonRpcOptions.Endpoint must be an absolute http(s) URL, got '{Endpoint}'.");
        }

        if (ChainId == 0)
        {
            throw new ArgumentException("JsonRpcOptions.ChainId must be set (e.g. 31337 for Hardhat).");
        }

        if (CallTimeout <= TimeSpan.Zero || MaxAttempts < 1 || RetryBaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"JsonRpcOptions: CallTimeout ({CallTimeout}) must be positive, MaxAttempts ({MaxAttempts}) at least 1, RetryBaseDelay ({RetryBaseDelay}) non-negative.");
        }
    }
}
