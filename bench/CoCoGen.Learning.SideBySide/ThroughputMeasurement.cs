using System.Diagnostics;
using System.Globalization;
using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Torch;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.SideBySide;

/// <summary>
/// One backend's training throughput, timed as reference/lenet5_reference.py times PyTorch: Fashion-MNIST images in
/// pre-built batches, a warm-up of a tenth, then the best of several passes of forward + cross-entropy + backward +
/// SGD (lr 0.01, momentum 0.9) step.
/// </summary>
internal static class ThroughputMeasurement
{
    public static string Run(string backendName, string modelName, int batch, int threads, int images, int repeats)
    {
        (Func<Layer> create, int defaultImages) = modelName switch
        {
            "lenet5" => ((Func<Layer>)(() => new LeNet5(1, 28, 10, new RandomSource(1))), 12_800),
            "mobilenetv3-small" => (() => new MobileNetV3Small(1, 28, 10, new RandomSource(1)), 1_600),
            _ => throw new ArgumentException($"--model {modelName}: use lenet5 or mobilenetv3-small"),
        };
        images = (images > 0 ? images : defaultImages) / batch * batch;
        using ILearningBackend backend = backendName switch
        {
            "native" => new NativeLearningBackend(threads),
            "torch" => new TorchLearningBackend("cpu", threads, seed: 1),
            _ => throw new ArgumentException($"--backend {backendName}: use native or torch"),
        };

        var train = FashionMnist.LoadTrain();
        var loader = new BatchLoader(new SubsetDataset(train, [.. Enumerable.Range(0, images)]), batch, ChannelNormalization.FashionMnist, shuffle: false, 1);
        List<LabeledBatch> batches = [.. loader.Epoch(0).Select(b => new LabeledBatch(b.Images.Clone(), [.. b.Labels]))];
        using IClassifier model = backend.Classifier(create());
        IClassifierTraining training = model.StartTraining(OptimizerSettings.Sgd(0.01f, 0.9f));
        training.TrainEpoch(batches.Take(Math.Max(1, batches.Count / 10)));
        double best = 0;
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            training.TrainEpoch(batches);
            best = Math.Max(best, images / clock.Elapsed.TotalSeconds);
        }

        using var process = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"RESULT {best:F0} images/s, peak {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
    }
}
