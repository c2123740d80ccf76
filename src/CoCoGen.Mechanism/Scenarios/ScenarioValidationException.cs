namespace CoCoGen.Mechanism.Scenarios;

/// <summary>A scenario was rejected; the message names the field and, where relevant, the organization.</summary>
public sealed class ScenarioValidationException : Exception
{
    /// <summary>Creates the exception with an empty message.</summary>
    public ScenarioValidationException()
    {
    }

    /// <summary>Creates the exception with a message naming the offending field.</summary>
    public ScenarioValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
