using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace CoCoGen.Benchmarks.Learning;

/// <summary>
/// The practical FP32 peak: a Vector512 FMA loop over 12 independent accumulators (enough to cover the FMA
/// latency), on one thread and on two. SGEMM efficiency is reported against these figures.
/// </summary>
[Config(typeof(LearningBenchmarkConfig))]
public class FmaPeakBenchmarks
{
    private const int Iterations = 10_000_000;
    private const double FlopsPerThread = 12.0 * 16 * 2 * Iterations;

    [Benchmark]
    [Work(FlopsPerThread, "GFLOP/s", 1e9)]
    public float OneThread() => FmaLoop(Iterations, 1f);

    [Benchmark]
    [Work(2 * FlopsPerThread, "GFLOP/s", 1e9)]
    public float TwoThreads()
    {
        float[] results = new float[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t => results[t] = FmaLoop(Iterations, t + 1));
        return results[0] + results[1];
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float FmaLoop(int iterations, float seed)
    {
        Vector512<float> a = Vector512.Create(0.999999f);
        Vector512<float> b = Vector512.Create(1e-7f * seed);
        Vector512<float> c0 = Vector512.Create(seed), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        Vector512<float> c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (int i = 0; i < iterations; i++)
        {
            c0 = Vector512.FusedMultiplyAdd(c0, a, b);
            c1 = Vector512.FusedMultiplyAdd(c1, a, b);
            c2 = Vector512.FusedMultiplyAdd(c2, a, b);
            c3 = Vector512.FusedMultiplyAdd(c3, a, b);
            c4 = Vector512.FusedMultiplyAdd(c4, a, b);
            c5 = Vector512.FusedMultiplyAdd(c5, a, b);
            c6 = Vector512.FusedMultiplyAdd(c6, a, b);
            c7 = Vector512.FusedMultiplyAdd(c7, a, b);
            c8 = Vector512.FusedMultiplyAdd(c8, a, b);
            c9 = Vector512.FusedMultiplyAdd(c9, a, b);
            c10 = Vector512.FusedMultiplyAdd(c10, a, b);
            c11 = Vector512.FusedMultiplyAdd(c11, a, b);
        }

        return Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
    }
}
