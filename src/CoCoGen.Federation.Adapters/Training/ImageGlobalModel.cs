using CoCoGen.Federation.Ports;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Losses;
using CoCoGen.Learning.Serialization;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Federation.Adapters.Training;

/// <summary>The coordinator's classifier (Learning:Model): seeded initial weights, FedAvg (the engine's), test-set evaluation, safetensors export.</summary>
public sealed class ImageGlobalModel : IGlobalModel
{
    private readonly ImageDataset _test;
    private readonly LearningOptions _options;
    private readonly Layer _classifier;
    private readonly ClassifierModel _model;
    private readonly CpuBackend _backend;
    private readonly ImageCorpus _corpus;

    /// <summary>Creates the model evaluated on <paramref name="test"/>.</summary>
    public ImageGlobalModel(ImageDataset test, LearningOptions options)
    {
        _test = test ?? throw new ArgumentNullException(nameof(test));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _backend = new CpuBackend(options.Threads);
        _corpus = options.ResolvedCorpus();
        _model = options.ResolvedModel();
        _classifier = ModelFactory.Classifier(_corpus, options.Seed, _backend, _model);
    }

    /// <inheritdoc/>
    public ModelWeights InitialModel() => StateVector.Read(ModelFactory.Classifier(_corpus, _options.Seed, _backend, _model).StateTensors());

    /// <inheritdoc/>
    public ModelWeights InitialGenerator() => StateVector.Read(ModelFactory.Generator(_corpus, _options.Seed, _backend).StateTensors());

    /// <inheritdoc/>
    public ModelWeights Aggregate(IReadOnlyList<(ModelWeights Weights, long Samples)> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var average = FederatedAveraging.Aggregate(updates.Select((u, i) => new ModelUpdate(
            $"update {i}", new Dictionary<string, Tensor> { ["weights"] = new(u.Weights.Values.ToArray(), u.Weights.Count) }, u.Samples)).ToArray());
        return new ModelWeights(average["weights"].Storage);
    }

    /// <inheritdoc/>
    public Task<Evaluation> EvaluateAsync(ModelWeights weights, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                StateVector.Write(_classifier.StateTensors(), weights);
                _classifier.Eval();
                var loss = new SoftmaxCrossEntropyLoss();
                double lossSum = 0;
                long correct = 0;
                foreach (var batch in new BatchLoader(_test, _model.EvaluationBatchSize, _corpus.Normalization, shuffle: false, 0).Epoch(0))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var logits = _classifier.Forward(batch.Images);
                    lossSum += (double)loss.Forward(logits, batch.Labels) * batch.Count;
                    correct += Trainer.CountCorrect(logits, batch.Labels);
                }

                _classifier.Train();
                return new Evaluation(lossSum / _test.Count, (double)correct / _test.Count);
            },
            cancellationToken);

    /// <inheritdoc/>
    public void SaveModel(ModelWeights weights, string path)
    {
        StateVector.Write(_classifier.StateTensors(), weights);
        SafetensorsFile.Save(path, _classifier, new Dictionary<string, string> { ["model"] = _model.DisplayName, ["dataset"] = _corpus.Name });
    }
}
