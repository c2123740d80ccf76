using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Benchmarks.Learning;

/// <summary>
/// LeNet-5 training throughput on Fashion-MNIST-shaped data (1×28×28, 10 classes): full SGD steps
/// (forward, cross-entropy, backward, momentum update) on 2 threads, at batch 64 and 16. The cleanup prints the
/// process's peak working set and the GC heap, the memory figures of training.
/// </summary>
[Config(typeof(LearningBenchmarkConfig))]
public class LeNet5TrainingBenchmarks
{
    private const int Steps = 20;
    private Trainer? _trainer64;
    private Trainer? _trainer16;
    private Tensor? _images64;
    private Tensor? _images16;
    private int[] _labels64 = [];
    private int[] _labels16 = [];

    [GlobalSetup]
    public void Setup()
    {
        (_trainer64, _images64, _labels64) = Create(64);
        (_trainer16, _images16, _labels16) = Create(16);
    }

    [Benchmark(Baseline = true)]
    [Work(64.0 * Steps, "images/s")]
    public float Batch64() => Train(_trainer64!, _images64!, _labels64);

    [Benchmark]
    [Work(16.0 * Steps, "images/s")]
    public float Batch16() => Train(_trainer16!, _images16!, _labels16);

    [GlobalCleanup]
    public void ReportMemory()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// LeNet-5 training memory: peak working set {process.PeakWorkingSet64 / 1048576.0:F1} MiB, GC heap {GC.GetTotalMemory(false) / 1048576.0:F1} MiB, GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:F1} MiB");
    }

    private static float Train(Trainer trainer, Tensor images, int[] labels)
    {
        float loss = 0;
        for (int i = 0; i < Steps; i++)
        {
            loss += trainer.TrainBatch(images, labels).Loss;
        }

        return loss;
    }

    private static (Trainer Trainer, Tensor Images, int[] Labels) Create(int batch)
    {
        var random = new RandomSource((ulong)batch);
        var model = new LeNet5(1, 28, 10, random);
        model.UseBackend(new CpuBackend(maxThreads: 2));
        var trainer = new Trainer(model, new Sgd(model.Parameters(), 0.01f, momentum: 0.9f));
        var images = new Tensor(batch, 1, 28, 28);
        random.FillUniform(images.Span, 0, 1);
        int[] labels = [.. Enumerable.Range(0, batch).Select(i => i % 10)];
        return (trainer, images, labels);
    }
}
