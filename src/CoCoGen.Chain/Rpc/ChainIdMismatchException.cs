namespace CoCoGen.Chain.Rpc;

/// <summary>The endpoint serves a chain other than the one the client was configured for; nothing is sent to it.</summary>
public sealed class ChainIdMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChainIdMismatchException(string endpoint, ulong expected, ulong actual)
        : base($"RPC endpoint {endpoint} serves chain {actual}, but this client is configured for chain {expected}; refusing to use it.")
    {
        Endpoint = endpoint;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The endpoint.</summary>
    public string Endpoint { get; }

    /// <summary>The configured chain id.</summary>
    public ulong Expected { get; }

    /// <summary>The chain id the endpoint reported.</summary>
    public ulong Actual { get; }
}
