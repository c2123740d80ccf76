namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>A reply that the configured coordinator did not sign: an organization stops rather than follow it.</summary>
public sealed class CoordinatorIdentityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CoordinatorIdentityException()
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public CoordinatorIdentityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public CoordinatorIdentityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
