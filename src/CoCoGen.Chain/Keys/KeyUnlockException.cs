namespace CoCoGen.Chain.Keys;

/// <summary>A keystore could not be opened; the message names the file and what is wrong, never the secret.</summary>
public sealed class KeyUnlockException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public KeyUnlockException(string path, string problem)
        : base($"keystore {path}: {problem}") => Path = path;

    /// <summary>The keystore file.</summary>
    public string Path { get; }
}
