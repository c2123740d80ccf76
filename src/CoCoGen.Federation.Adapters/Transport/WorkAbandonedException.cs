namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>The coordinator no longer awaits a piece of work (it timed the organization out).</summary>
public sealed class WorkAbandonedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkAbandonedException()
    {
    }

    /// <summary>Creates the exception with the coordinator's explanation.</summary>
    public WorkAbandonedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public WorkAbandonedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
