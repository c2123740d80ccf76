namespace CoCoGen.Learning.Kernels;

/// <summary>Cached <see cref="ParallelOptions"/> per degree of parallelism, so fork-joins do not allocate them.</summary>
internal static class ParallelSettings
{
    private static readonly ParallelOptions[] Cache =
        [.. Enumerable.Range(0, 65).Select(d => new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, d) })];

    public static ParallelOptions For(int degree) => degree < Cache.Length ? Cache[degree] : new ParallelOptions { MaxDegreeOfParallelism = degree };
}
