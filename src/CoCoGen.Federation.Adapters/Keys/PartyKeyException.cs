namespace CoCoGen.Federation.Adapters.Keys;

/// <summary>A party's key cannot be had from the settings: the message names the setting, variable or file, never the secret.</summary>
public sealed class PartyKeyException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public PartyKeyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
