using System.Runtime.CompilerServices;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// One LeNet-5 and its plain-SGD trainer, reused for every local update and evaluation of a run: model states are
/// loaded in and copied out, so many silos' and coalitions' models share one set of layer buffers. Plain SGD keeps
/// no optimizer state, so swapping states between updates is exact. Evaluation batches are normalized once per
/// dataset and kept.
/// </summary>
public sealed class LeNetWorkspace
{
    private readonly LeNet5 _model;
    private readonly Trainer _trainer;
    private readonly ConditionalWeakTable<ImageDataset, List<LabeledBatch>> _evaluationBatches = [];

    /// <summary>Creates the network with weights drawn from <paramref name="seed"/>.</summary>
    /// <param name="learningRate">SGD learning rate of every local update.</param>
    /// <param name="batchSize">Samples per SGD step (and per evaluation batch).</param>
    /// <param name="seed">Seed of the initial weights.</param>
    public LeNetWorkspace(float learningRate, int batchSize, ulong seed)
    {
        if (!(learningRate > 0) || float.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        BatchSize = batchSize;
        _model = new LeNet5(1, FashionMnist.ImageSide, FashionMnist.ClassCount, new RandomSource(seed));
        _trainer = new Trainer(_model, new Sgd(_model.Parameters(), learningRate));
    }

    /// <summary>Samples per SGD step.</summary>
    public int BatchSize { get; }

    /// <summary>A copy of the initial (or currently loaded) state.</summary>
    public Dictionary<string, Tensor> CopyState() =>
        _model.StateTensors().ToDictionary(entry => entry.Name, entry => entry.Tensor.Clone(), StringComparer.Ordinal);

    /// <summary>Loads <paramref name="state"/> into the network.</summary>
    public void Load(IReadOnlyDictionary<string, Tensor> state) => _model.LoadState(state);

    /// <summary>
    /// Runs SGD on the loaded state over <paramref name="count"/> samples of <paramref name="data"/> taken in the order
    /// <paramref name="order"/> from position <paramref name="start"/> (wrapping around), in batches of
    /// <see cref="BatchSize"/> (the last one partial).
    /// </summary>
    public void Train(ImageDataset data, IReadOnlyList<int> order, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(order);
        if (count > 0 && order.Count == 0)
        {
            throw new ArgumentException("cannot train on an empty dataset.", nameof(order));
        }

        for (int done = 0; done < count; done += BatchSize)
        {
            int size = Math.Min(BatchSize, count - done);
            var batch = Assemble(data, size, k => order[(start + done + k) % order.Count]);
            _trainer.TrainBatch(batch.Images, batch.Labels);
        }
    }

    /// <summary>One epoch of SGD on the loaded state over <paramref name="data"/>, shuffled by <paramref name="seed"/>.</summary>
    public void TrainEpoch(ImageDataset data, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] order = [.. Enumerable.Range(0, data.Count)];
        new RandomSource(seed).Shuffle(order.AsSpan());
        Train(data, order, 0, data.Count);
    }

    /// <summary>Accuracy of the loaded state on <paramref name="data"/>.</summary>
    public double Accuracy(ImageDataset data) => Evaluate(data).Accuracy;

    /// <summary>Mean cross-entropy loss and accuracy of the loaded state on <paramref name="data"/>.</summary>
    public EpochResult Evaluate(ImageDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0)
        {
            throw new ArgumentException("cannot evaluate on an empty dataset.", nameof(data));
        }

        var batches = _evaluationBatches.GetValue(data, Materialize);
        return _trainer.Evaluate(batches);
    }

    /// <summary>The accuracy of <paramref name="state"/> on <paramref name="data"/>; leaves that state loaded.</summary>
    public double Accuracy(IReadOnlyDictionary<string, Tensor> state, ImageDataset data)
    {
        Load(state);
        return Accuracy(data);
    }

    private List<LabeledBatch> Materialize(ImageDataset data)
    {
        var batches = new List<LabeledBatch>();
        for (int start = 0; start < data.Count; start += BatchSize)
        {
            int first = start;
            batches.Add(Assemble(data, Math.Min(BatchSize, data.Count - start), k => first + k));
        }

        return batches;
    }

    private static LabeledBatch Assemble(ImageDataset data, int size, Func<int, int> index)
    {
        var batch = new LabeledBatch(new Tensor(size, data.Channels, data.Height, data.Width), new int[size]);
        int imageSize = data.ImageSize;
        Span<float> images = batch.Images.Span;
        for (int k = 0; k < size; k++)
        {
            int sample = index(k);
            Span<float> image = images.Slice(k * imageSize, imageSize);
            data.CopyImage(sample, image);
            ChannelNormalization.FashionMnist.ApplyInPlace(image, data.Height * data.Width);
            batch.Labels[k] = data.Label(sample);
        }

        return batch;
    }
}
