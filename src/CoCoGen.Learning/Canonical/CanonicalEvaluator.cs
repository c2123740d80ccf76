using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Scores model states on one validation set with canonical inference. The set is cut into chunks of
/// <see cref="SamplesPerChunk"/>; worker w of T takes chunks w, w + T, …, each with its own workspace, and
/// writes every sample's loss and hit to its own slot. The mean is then summed on one thread in sample
/// order, so the thread count changes the time, never the bits. Buffers are allocated once, here.
/// </summary>
public sealed class CanonicalEvaluator
{
    /// <summary>Samples per chunk (the linear layers' SIMD runs across a chunk's samples).</summary>
    public const int SamplesPerChunk = 32;

    private readonly ICanonicalClassifier _architecture;
    private readonly CanonicalValidationSet _validation;
    private readonly CanonicalWorkspace?[] _workspaces;
    private readonly float[][] _logits;
    private readonly double[] _losses;
    private readonly bool[] _hits;
    private readonly int _threads;

    /// <summary>Prepares the buffers.</summary>
    /// <param name="architecture">The network.</param>
    /// <param name="validation">The samples; their shape must be the network's input.</param>
    /// <param name="threads">Worker threads (≥ 1).</param>
    public CanonicalEvaluator(ICanonicalClassifier architecture, CanonicalValidationSet validation, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        int imageLength = architecture.InputChannels * architecture.ImageSize * architecture.ImageSize;
        if (validation.ImageLength != imageLength || validation.Classes != architecture.Classes)
        {
            throw new ArgumentException(
                $"The validation set has {validation.ImageLength}-float images and {validation.Classes} classes; the network takes {imageLength} and {architecture.Classes}.",
                nameof(validation));
        }

        _architecture = architecture;
        _validation = validation;
        _threads = threads;
        _workspaces = new CanonicalWorkspace?[threads];
        _logits = [.. Enumerable.Range(0, threads).Select(_ => new float[SamplesPerChunk * architecture.Classes])];
        _losses = new double[validation.Count];
        _hits = new bool[validation.Count];
    }

    /// <summary>
    /// The widest SIMD the canonical kernels use on this machine, in float lanes (16, 8, 4 or 1): it changes the time,
    /// never the bits, and a recomputation reports it so that agreement across machines is seen, not assumed.
    /// </summary>
    public static int WidestLanes =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? System.Runtime.Intrinsics.Vector512<float>.Count
        : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? System.Runtime.Intrinsics.Vector256<float>.Count
        : System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? System.Runtime.Intrinsics.Vector128<float>.Count
        : 1;

    /// <summary>The architecture scored.</summary>
    public ICanonicalClassifier Architecture => _architecture;

    /// <summary>The canonical loss and accuracy of <paramref name="state"/>.</summary>
    /// <param name="state">The model's tensors by name.</param>
    public CanonicalScore Evaluate(IReadOnlyDictionary<string, Tensor> state)
    {
        CanonicalNetwork network = _architecture.Bind(state);
        int chunks = (_validation.Count + SamplesPerChunk - 1) / SamplesPerChunk;
        int workers = Math.Min(_threads, chunks);
        if (workers == 1)
        {
            Work(network, 0, 1, chunks);
        }
        else
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w => Work(network, w, workers, chunks));
        }

        double sum = 0;
        int correct = 0;
        for (int i = 0; i < _losses.Length; i++)
        {
            sum += _losses[i];
            correct += _hits[i] ? 1 : 0;
        }

        return new CanonicalScore(sum / _losses.Length, correct, _losses.Length);
    }

    private void Work(CanonicalNetwork network, int worker, int workers, int chunks)
    {
        CanonicalWorkspace workspace = _workspaces[worker] ??= network.CreateWorkspace(SamplesPerChunk);
        Span<float> logits = _logits[worker];
        int classes = network.Classes;
        ReadOnlySpan<float> images = _validation.Images;
        ReadOnlySpan<int> labels = _validation.Labels;
        for (int chunk = worker; chunk < chunks; chunk += workers)
        {
            int first = chunk * SamplesPerChunk;
            int samples = Math.Min(SamplesPerChunk, _validation.Count - first);
            network.Forward(images.Slice(first * network.ImageLength, samples * network.ImageLength), samples, logits, workspace);
            for (int s = 0; s < samples; s++)
            {
                ReadOnlySpan<float> row = logits.Slice(s * classes, classes);
                _losses[first + s] = CanonicalSoftmaxCrossEntropy.Loss(row, labels[first + s]);
                _hits[first + s] = CanonicalSoftmaxCrossEntropy.PredictedClass(row) == labels[first + s];
            }
        }
    }
}
