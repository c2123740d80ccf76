namespace CoCoGen.Chain.Hosting;

/// <summary>Finds the repository root: the nearest ancestor directory that holds CoCoGen.Chain.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The solution file that marks the root.</summary>
    public const string MarkerFile = "CoCoGen.Chain.sln";

    /// <summary>Walks up from <paramref name="startDirectory"/> (default: the application base directory).</summary>
    /// <exception cref="DirectoryNotFoundException">No ancestor holds the solution file.</exception>
    public static string Find(string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No directory above '{start}' contains {MarkerFile}.");
    }
}
