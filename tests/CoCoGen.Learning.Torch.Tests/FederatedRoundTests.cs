using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;
using static CoCoGen.Learning.Torch.Tests.CrossBackendFixture;

namespace CoCoGen.Learning.Torch.Tests;

public sealed class FederatedRoundTests
{
    [Fact]
    public void Two_organizations_on_different_backends_average_to_the_sample_weighted_mean_on_either_backend()
    {
        using var native = NativeBackend();
        using var torch = TorchBackend();
        var data = FashionMnistSubset(train: true, 3000);
        var test = new BatchLoader(FashionMnistSubset(train: false, 1000), 500, ChannelNormalization.FashionMnist, shuffle: false, 0);
        var shardA = new SubsetDataset(data, [.. Enumerable.Range(0, 2000)]);
        var shardB = new SubsetDataset(data, [.. Enumerable.Range(2000, 1000)]);
        var global = Copy(native.Classifier(new LeNet5(1, 28, 10, new RandomSource(1))).State());

        // Organization A trains on the native engine, B on torch, both from the same global model.
        using IClassifier a = native.Classifier(new LeNet5(1, 28, 10, new RandomSource(2)));
        using IClassifier b = torch.Classifier(new LeNet5(1, 28, 10, new RandomSource(3)));
        a.LoadState(global);
        b.LoadState(global);
        a.StartTraining(OptimizerSettings.Sgd(0.02f, 0.9f)).TrainEpoch(new BatchLoader(shardA, 32, ChannelNormalization.FashionMnist, shuffle: true, 5).Epoch(0));
        b.StartTraining(OptimizerSettings.Sgd(0.02f, 0.9f)).TrainEpoch(new BatchLoader(shardB, 32, ChannelNormalization.FashionMnist, shuffle: true, 6).Epoch(0));
        var updateA = Copy(a.State());
        var updateB = Copy(b.State());
        ModelUpdate[] updates = [new("org-a", updateA, shardA.Count), new("org-b", updateB, shardB.Count)];

        // FedAvg by its definition, element by element in double: (2000·a + 1000·b) / 3000.
        var expected = updateA.ToDictionary(
            kv => kv.Key,
            kv => Tensor.FromValues([.. Enumerable.Range(0, kv.Value.Length).Select(i => (float)(((2000.0 * kv.Value.Span[i]) + (1000.0 * updateB[kv.Key].Span[i])) / 3000.0))], kv.Value.Shape.ToArray()));
        List<(string, Tensor)> ordered = [.. global.Keys.Select(name => (name, expected[name]))];
        Dictionary<string, Tensor> onNative = native.Average(updates);
        Dictionary<string, Tensor> onTorch = torch.Average(updates);
        Assert.InRange(MaxDifference(ordered, [.. global.Keys.Select(name => (name, onNative[name]))]), 0, 1e-7);
        Assert.InRange(MaxDifference(ordered, [.. global.Keys.Select(name => (name, onTorch[name]))]), 0, 1e-7);

        // The averaged model is a real improvement and scores the same on both backends.
        a.LoadState(onNative);
        b.LoadState(onNative);
        EpochResult nativeScore = a.Evaluate(test.Epoch(0));
        EpochResult torchScore = b.Evaluate(test.Epoch(0));
        Assert.True(nativeScore.Accuracy > 0.5, $"the averaged model reaches only {nativeScore.Accuracy:P1}");
        Assert.InRange(Math.Abs(nativeScore.MeanLoss - torchScore.MeanLoss), 0, 1e-4);
        Assert.Equal(nativeScore.Accuracy, torchScore.Accuracy);
    }

    [Fact]
    public void Same_seed_and_recipe_reach_accuracies_within_one_point_on_both_backends()
    {
        var train = FashionMnistSubset(train: true, 12_000);
        var test = new BatchLoader(FashionMnistSubset(train: false, 10_000), 1000, ChannelNormalization.FashionMnist, shuffle: false, 0);
        var accuracies = new List<double>();
        foreach (ILearningBackend backend in new ILearningBackend[] { NativeBackend(), TorchBackend() })
        {
            using (backend)
            {
                using IClassifier model = backend.Classifier(new LeNet5(1, 28, 10, new RandomSource(1)));
                var loader = new BatchLoader(train, 64, ChannelNormalization.FashionMnist, shuffle: true, 1);
                var training = model.StartTraining(OptimizerSettings.Sgd(0.01f, 0.9f));
                training.TrainEpoch(loader.Epoch(0));
                training.TrainEpoch(loader.Epoch(1));
                accuracies.Add(model.Evaluate(test.Epoch(0)).Accuracy);
            }
        }

        Assert.True(accuracies[0] > 0.75, $"native reached only {accuracies[0]:P2}");
        Assert.InRange(Math.Abs(accuracies[0] - accuracies[1]), 0, 0.01);
    }
}
