using BenchmarkDotNet.Attributes;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Benchmarks.Learning;

/// <summary>SGEMM C = A·B at 1024³ on one and two threads, with the Vector512 and the Vector256 micro-kernel.</summary>
[Config(typeof(LearningBenchmarkConfig))]
public class SgemmBenchmarks
{
    private const int Size = 1024;
    private const double Flops = 2.0 * Size * Size * Size;
    private readonly float[] _a = new float[Size * Size];
    private readonly float[] _b = new float[Size * Size];
    private readonly float[] _c = new float[Size * Size];

    [GlobalSetup]
    public void Setup()
    {
        var random = new RandomSource(1);
        random.FillUniform(_a, -1, 1);
        random.FillUniform(_b, -1, 1);
    }

    [Benchmark(Baseline = true)]
    [Work(Flops, "GFLOP/s", 1e9)]
    public void Vector512TwoThreads() => Run(2, SgemmKernelKind.Vector512);

    [Benchmark]
    [Work(Flops, "GFLOP/s", 1e9)]
    public void Vector512OneThread() => Run(1, SgemmKernelKind.Vector512);

    [Benchmark]
    [Work(Flops, "GFLOP/s", 1e9)]
    public void Vector256TwoThreads() => Run(2, SgemmKernelKind.Vector256);

    [Benchmark]
    [Work(Flops, "GFLOP/s", 1e9)]
    public void TransposedBTwoThreads() => Sgemm.Multiply(false, true, Size, Size, Size, 1, _a, Size, _b, Size, 0, _c, Size, 2, Sgemm.BestKernel);

    private void Run(int threads, SgemmKernelKind kernel)
        => Sgemm.Multiply(false, false, Size, Size, Size, 1, _a, Size, _b, Size, 0, _c, Size, threads, kernel);
}
