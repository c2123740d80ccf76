using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Losses;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Benchmarks.Learning;

/// <summary>
/// The measurement step of one round with 10 organizations: the FedAvg of all updates and of each
/// leave-one-out subset, each scored on a Fashion-MNIST validation subset (n + 1 = 11 aggregates and
/// evaluations). Canonical (the bits of record) against the fast engine (FederatedAveraging, LeNet5.Forward on
/// the CPU backend, SoftmaxCrossEntropyLoss) on the same data and threads. Needs the real dataset in
/// /usr/share/datasets/fashion-mnist (scripts/setup.sh installs it). On a shared machine the wall-clock Mean
/// mostly measures the queue for a core, so every invocation's process CPU time is recorded too and the
/// cleanup prints the smallest per method: on one thread that is the round's cost on an idle core.
/// </summary>
[Config(typeof(LearningBenchmarkConfig))]
public class CanonicalEvaluationBenchmarks
{
    private const int Organizations = 10;
    private const int FastBatch = 500;

    private LeaveOneOutEvaluator? _canonical;
    private Dictionary<string, Tensor> _aggregate = [];
    private readonly CanonicalScore[] _leaveOneOut = new CanonicalScore[Organizations];
    private Dictionary<string, Tensor> _global = [];
    private List<ModelUpdate> _updates = [];
    private LeNet5? _model;
    private SoftmaxCrossEntropyLoss? _loss;
    private Tensor[] _batches = [];
    private TimeSpan _canonicalCpu = TimeSpan.MaxValue;
    private TimeSpan _fastCpu = TimeSpan.MaxValue;
    private int[][] _labels = [];

    [Params(500, 1000, 2000)]
    public int ValidationSize { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new RandomSource(2026);
        _model = new LeNet5(1, 28, 10, random);
        _global = _model.StateTensors().ToDictionary(t => t.Name, t => t.Tensor.Clone(), StringComparer.Ordinal);
        _updates = [.. Enumerable.Range(0, Organizations).Select(k => new ModelUpdate($"org-{k:D2}", Perturbed(_global, random), 1000 + random.NextInt(5000)))];
        ByteImageDataset pool = FashionMnist.LoadTest();
        int[] indices = [.. Enumerable.Range(0, ValidationSize)];
        var validation = CanonicalValidationSet.FromDataset(pool, indices);
        var architecture = CanonicalLeNet5.Of(_model);
        _canonical = new LeaveOneOutEvaluator(new CanonicalEvaluator(architecture, validation, Threads));
        _aggregate = LeaveOneOutEvaluator.CreateState(architecture);

        var backend = new CpuBackend(Threads);
        _model.UseBackend(backend);
        _model.Eval();
        _loss = new SoftmaxCrossEntropyLoss(backend);
        int batches = ValidationSize / FastBatch;
        _batches = [.. Enumerable.Range(0, batches).Select(b => Tensor.FromValues(validation.Images.Slice(b * FastBatch * 784, FastBatch * 784), FastBatch, 1, 28, 28))];
        _labels = [.. Enumerable.Range(0, batches).Select(b => validation.Labels.Slice(b * FastBatch, FastBatch).ToArray())];
    }

    [Benchmark]
    public double Canonical()
    {
        TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;
        CanonicalScore all = _canonical!.Evaluate(_global, _updates, _aggregate, _leaveOneOut);
        _canonicalCpu = Min(_canonicalCpu, Process.GetCurrentProcess().TotalProcessorTime - start);
        return all.Loss + _leaveOneOut[^1].Loss;
    }

    [Benchmark(Baseline = true)]
    public double Fast()
    {
        TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;
        double total = Score(FederatedAveraging.Aggregate(_updates));
        for (int i = 0; i < Organizations; i++)
        {
            total += Score(FederatedAveraging.Aggregate([.. _updates.Where((_, k) => k != i)]));
        }

        _fastCpu = Min(_fastCpu, Process.GetCurrentProcess().TotalProcessorTime - start);
        return total;
    }

    [GlobalCleanup]
    public void ReportCpuTime()
    {
        string canonical = _canonicalCpu == TimeSpan.MaxValue ? "-" : $"{_canonicalCpu.TotalMilliseconds:F0} ms";
        string fast = _fastCpu == TimeSpan.MaxValue ? "-" : $"{_fastCpu.TotalMilliseconds:F0} ms";
        Console.WriteLine($"// CPU time per round (min over invocations), {ValidationSize} images, {Threads} thread(s): canonical {canonical}, fast {fast}");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private double Score(Dictionary<string, Tensor> state)
    {
        _model!.LoadState(state);
        double loss = 0;
        int correct = 0;
        for (int b = 0; b < _batches.Length; b++)
        {
            Tensor logits = _model.Forward(_batches[b]);
            loss += _loss!.Forward(logits, _labels[b]);
            correct += Trainer.CountCorrect(logits, _labels[b]);
        }

        return (loss / _batches.Length) + correct;
    }

    private static Dictionary<string, Tensor> Perturbed(Dictionary<string, Tensor> global, RandomSource random)
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach ((string name, Tensor tensor) in global)
        {
            Tensor copy = tensor.Clone();
            Span<float> values = copy.Span;
            for (int i = 0; i < values.Length; i++)
            {
                values[i] += (random.NextSingle() - 0.5f) * 0.02f;
            }

            state.Add(name, copy);
        }

        return state;
    }
}
