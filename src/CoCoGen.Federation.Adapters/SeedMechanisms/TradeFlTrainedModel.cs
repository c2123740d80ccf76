using CoCoGen.Learning.Data;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// TradeFL's global model trained on what a scheme's organizations contribute (Figs 13–15): LeNet-5 on Fashion-MNIST
/// (the paper's nearest pairing is AlexNet-FMNIST), FedAvg weighted by contributed images. Every scheme of one
/// instance trains from the same initial weights on the same organizations' data and sample orders, so the curves
/// differ only through the contributions d_i.
/// </summary>
public static class TradeFlTrainedModel
{
    /// <summary>Trains and returns the global model's test loss and accuracy before the first round and after each round.</summary>
    /// <param name="train">The Fashion-MNIST training split the organizations' data is drawn from.</param>
    /// <param name="test">The test split.</param>
    /// <param name="samples">|S_i| of every organization.</param>
    /// <param name="dataFractions">d_i of every organization under the scheme.</param>
    /// <param name="settings">The shrunk training setup.</param>
    public static IReadOnlyList<TradeFlTrainingPoint> Run(
        ImageDataset train, ImageDataset test, IReadOnlyList<double> samples, IReadOnlyList<double> dataFractions, TradeFlTrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(dataFractions);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int n = samples.Count;
        if (n == 0 || dataFractions.Count != n || dataFractions.Any(d => !(d is >= 0 and <= 1)))
        {
            throw new ArgumentException($"dataFractions: need {n} fractions in [0, 1], one per organization.");
        }

        var sampler = new LabelSkewSampler(train, settings.Seed);
        var contributions = new ImageDataset[n];
        for (int i = 0; i < n; i++)
        {
            int held = (int)Math.Round(settings.ImagesPerSample * samples[i]);
            var home = n <= FashionMnist.ClassCount ? FashionMnistFederation.HomeClasses(i, n) : [i % FashionMnist.ClassCount];
            int[] indices = sampler.Draw(held, home, settings.HomeFraction);
            contributions[i] = new SubsetDataset(train, indices[..(int)Math.Round(dataFractions[i] * held)]);
        }

        var testSet = new LabelSkewSampler(test, settings.Seed + 1).Take(settings.TestImages, [.. Enumerable.Range(0, FashionMnist.ClassCount)], 1.0);
        var workspace = new LeNetWorkspace(settings.LearningRate, settings.BatchSize, settings.Seed);
        var global = workspace.CopyState();
        var points = new List<TradeFlTrainingPoint> { Point(0, workspace, global, testSet) };
        for (int round = 1; round <= settings.Rounds; round++)
        {
            var locals = new List<IReadOnlyDictionary<string, Tensor>>();
            var weights = new List<double>();
            for (int i = 0; i < n; i++)
            {
                if (contributions[i].Count == 0)
                {
                    continue;
                }

                workspace.Load(global);
                for (int epoch = 0; epoch < settings.LocalEpochs; epoch++)
                {
                    workspace.TrainEpoch(contributions[i], new RandomSource(settings.Seed).Fork((ulong)round).Fork((ulong)i).Fork((ulong)epoch).NextUInt64());
                }

                locals.Add(workspace.CopyState());
                weights.Add(contributions[i].Count);
            }

            if (locals.Count > 0)
            {
                global = ModelStates.WeightedAverage(locals, weights);
            }

            points.Add(Point(round, workspace, global, testSet));
        }

        return points;
    }

    private static TradeFlTrainingPoint Point(int round, LeNetWorkspace workspace, IReadOnlyDictionary<string, Tensor> state, ImageDataset testSet)
    {
        workspace.Load(state);
        var result = workspace.Evaluate(testSet);
        return new TradeFlTrainingPoint(round, result.MeanLoss, result.Accuracy);
    }
}
