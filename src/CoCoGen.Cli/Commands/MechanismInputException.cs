namespace CoCoGen.Cli.Commands;

/// <summary>A mechanism input file that cannot be used; the message names the offending field.</summary>
public sealed class MechanismInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MechanismInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public MechanismInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public MechanismInputException()
    {
    }
}
