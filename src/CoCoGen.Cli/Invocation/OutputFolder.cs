namespace CoCoGen.Cli.Invocation;

/// <summary>An output folder named by an option, created before any work starts so that a bad one is bad input.</summary>
public static class OutputFolder
{
    /// <summary>Creates <paramref name="path"/> (and its parents); a folder that cannot be made is reported naming <paramref name="option"/>.</summary>
    /// <exception cref="CommandInputException">The folder cannot be created or written.</exception>
    public static string Ensure(string option, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".cocogen-write-probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandInputException($"{option} {full}: cannot create or write this folder ({ex.Message})", ex);
        }
    }
}
