namespace CoCoGen.Benchmarks.Mechanism;

/// <summary>Finds the repository's examples/ folder from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class ExampleScenario
{
    public static string Path(string name)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "examples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"examples/{name} not found above {AppContext.BaseDirectory}.");
    }
}
