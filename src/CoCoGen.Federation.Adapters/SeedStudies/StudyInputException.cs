namespace CoCoGen.Federation.Adapters.SeedStudies;

/// <summary>A mechanism input file that cannot be used; the message names the offending field.</summary>
public sealed class StudyInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StudyInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StudyInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public StudyInputException()
    {
    }
}
