namespace CoCoGen.Chain.Rpc;

/// <summary>The endpoint serves a chain other than the one the client was configured for; nothing is sent to it.</summary>
public sealed class ChainIdMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChainIdMismatchException(Uri endpoint, long expected, long actual)
        : base($"RPC endpoint {endpoint} serves chain {actual}, but this client is configured for chain {expected}; refusing to use it.")
    {
        Endpoint = endpoint;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The configured chain id.</summary>
    public long Expected { get; }

    /// <summary>The chain id the endpoint reported.</summary>
    public long Actual { get; }
}
