namespace CoCoGen.Federation.Protocol;

/// <summary>A round could not be settled as the protocol requires; names the round and what went wrong.</summary>
public sealed class SettlementException : Exception
{
    /// <summary>Creates the exception for <paramref name="round"/>.</summary>
    public SettlementException(int round, string reason)
        : base($"round {round}: {reason}") => Round = round;

    /// <summary>Creates an exception without a round (required by the exception pattern).</summary>
    public SettlementException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SettlementException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public SettlementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The round concerned.</summary>
    public int Round { get; }
}
