namespace CoCoGen.Learning.Backends;

/// <summary>A backend or device that was asked for cannot run here (e.g. "cuda" without a CUDA LibTorch); the message is one line for the user.</summary>
public sealed class LearningBackendUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LearningBackendUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line naming what is missing and how to get it.</param>
    public LearningBackendUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line naming what is missing and how to get it.</param>
    /// <param name="innerException">The failure underneath.</param>
    public LearningBackendUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
