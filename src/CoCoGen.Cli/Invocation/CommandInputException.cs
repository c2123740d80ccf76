namespace CoCoGen.Cli.Invocation;

/// <summary>
/// A user's mistake found while a command runs (an option, a file, an organization id): reported as one line,
/// exit code <see cref="ExitCodes.BadInput"/>, never with a stack trace.
/// </summary>
public sealed class CommandInputException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> names what is wrong and where.</summary>
    public CommandInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public CommandInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an exception without a message.</summary>
    public CommandInputException()
    {
    }
}
