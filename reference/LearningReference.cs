#:project ../src/CoCoGen.Learning/CoCoGen.Learning.csproj
#:property PublishAot=false
#:property Optimize=true

// The C# side of the reference comparison and the heavy learning runs that do not belong in tests.
// Run from the repository root:
//   dotnet run -c Release reference/LearningReference.cs -- lenet5-accuracy [--epochs 5] [--batch 64] [--lr 0.01] [--momentum 0.9] [--seed 1]
//   dotnet run -c Release reference/LearningReference.cs -- lenet5-throughput [--batch 64] [--threads 2] [--images 12800] [--repeats 3]
//   dotnet run -c Release reference/LearningReference.cs -- mobilenetv3-throughput [--batch 16] [--threads 2] [--images 1600] [--repeats 3]
//   dotnet run -c Release reference/LearningReference.cs -- cvae [--epochs 10] [--classifier-epochs 3] [--latent 16] [--per-class 1000] [--png runs/cvae-samples.png]
// Every mode takes --data DIR (Fashion-MNIST folder) and --seed N. Lines starting "RESULT" are the figures.
// The recipes and timing method mirror reference/lenet5_reference.py (see docs/learning-data.md).
using System.Diagnostics;
using System.Globalization;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: LearningReference.cs lenet5-accuracy | lenet5-throughput | mobilenetv3-throughput | cvae [--name value ...]");
    return 2;
}

var options = ReferenceOptions.Parse(args[1..]);
switch (args[0])
{
    case "lenet5-accuracy":
        LeNet5Accuracy(options);
        break;
    case "lenet5-throughput":
        Throughput(options, "LeNet-5", r => new LeNet5(1, 28, 10, r), defaultBatch: 64, defaultImages: 12800);
        break;
    case "mobilenetv3-throughput":
        Throughput(options, "MobileNetV3-Small", r => new MobileNetV3Small(1, 28, 10, r), defaultBatch: 16, defaultImages: 1600);
        break;
    case "cvae":
        ConditionalVaeAcceptance(options);
        break;
    default:
        Console.Error.WriteLine($"unknown mode '{args[0]}'");
        return 2;
}

return 0;

// LeNet-5 on the real Fashion-MNIST with the recipe of reference/lenet5_reference.py accuracy.
static void LeNet5Accuracy(ReferenceOptions options)
{
    int epochs = options.Int("epochs", 5);
    int batch = options.Int("batch", 64);
    ulong seed = (ulong)options.Int("seed", 1);
    var train = FashionMnist.LoadTrain(options.TextOrNull("data"));
    var test = FashionMnist.LoadTest(options.TextOrNull("data"));
    var model = new LeNet5(1, 28, 10, new RandomSource(seed));
    model.UseBackend(new CpuBackend(options.Int("threads", 2)));
    var trainer = new Trainer(model, new Sgd(model.Parameters(), options.Float("lr", 0.01f), momentum: options.Float("momentum", 0.9f)));
    var batches = new BatchLoader(train, batch, ChannelNormalization.FashionMnist, shuffle: true, seed);
    var testBatches = new BatchLoader(test, 1000, ChannelNormalization.FashionMnist, shuffle: false, seed);
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        var clock = Stopwatch.StartNew();
        EpochResult result = trainer.TrainEpoch(batches.Epoch(epoch));
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"epoch {epoch + 1}: loss {result.MeanLoss:F4}, test accuracy {trainer.Evaluate(testBatches.Epoch(0)).Accuracy:F4}, {result.Samples / seconds:F0} images/s");
    }

    Console.WriteLine($"RESULT C# LeNet-5 test accuracy after {epochs} epochs: {trainer.Evaluate(testBatches.Epoch(0)).Accuracy * 100:F2}%");
    Console.WriteLine($"peak working set {Environment.WorkingSet / 1048576.0:F0} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB peak");
}

// Training images/s: best of --repeats passes over --images images in pre-built batches (no data loading in
// the timed loop), after a warm-up tenth; same method as the Python script. Also the process's peak memory.
static void Throughput(ReferenceOptions options, string name, Func<RandomSource, Layer> create, int defaultBatch, int defaultImages)
{
    int batch = options.Int("batch", defaultBatch);
    int threads = options.Int("threads", 2);
    int repeats = options.Int("repeats", 3);
    ulong seed = (ulong)options.Int("seed", 1);
    int images = options.Int("images", defaultImages) / batch * batch;
    var train = FashionMnist.LoadTrain(options.TextOrNull("data"));
    var model = create(new RandomSource(seed));
    model.UseBackend(new CpuBackend(threads));
    var trainer = new Trainer(model, new Sgd(model.Parameters(), options.Float("lr", 0.01f), momentum: options.Float("momentum", 0.9f)));
    var loader = new BatchLoader(new SubsetDataset(train, Enumerable.Range(0, images).ToArray()), batch, ChannelNormalization.FashionMnist, shuffle: false, seed);
    var batches = loader.Epoch(0).Select(b => new LabeledBatch(b.Images.Clone(), [.. b.Labels])).ToList();
    foreach (var b in batches.Take(Math.Max(1, batches.Count / 10)))
    {
        trainer.TrainBatch(b.Images, b.Labels);
    }

    double best = 0;
    for (int r = 0; r < repeats; r++)
    {
        var clock = Stopwatch.StartNew();
        foreach (var b in batches)
        {
            trainer.TrainBatch(b.Images, b.Labels);
        }

        best = Math.Max(best, images / clock.Elapsed.TotalSeconds);
    }

    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"RESULT C# {name} training throughput, batch {batch}, {threads} threads: {best:F0} images/s (best of {repeats} passes over {images} images)");
    Console.WriteLine($"RESULT C# {name} peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB (process, incl. the 60,000-image dataset ≈ 47 MiB and the runtime); {model.ParameterCount():N0} parameters");
}

// Conditional-VAE acceptance: LeNet-5 trained on real data judges class-conditioned CVAE samples (>= 70% needed);
// writes a PNG grid with one row per class.
static void ConditionalVaeAcceptance(ReferenceOptions options)
{
    int vaeEpochs = options.Int("epochs", 10);
    int classifierEpochs = options.Int("classifier-epochs", 3);
    int latent = options.Int("latent", 16);
    int perClass = options.Int("per-class", 1000);
    ulong seed = (ulong)options.Int("seed", 1);
    string png = options.Text("png", "runs/cvae-samples.png");
    var train = FashionMnist.LoadTrain(options.TextOrNull("data"));
    var test = FashionMnist.LoadTest(options.TextOrNull("data"));
    var normalized = ChannelNormalization.FashionMnist;

    var classifier = new LeNet5(1, 28, 10, new RandomSource(seed));
    var trainer = new Trainer(classifier, new Sgd(classifier.Parameters(), 0.01f, momentum: 0.9f));
    var realBatches = new BatchLoader(train, 64, normalized, shuffle: true, seed);
    for (int epoch = 0; epoch < classifierEpochs; epoch++)
    {
        trainer.TrainEpoch(realBatches.Epoch(epoch));
    }

    var testAccuracy = trainer.Evaluate(new BatchLoader(test, 1000, normalized, shuffle: false, seed).Epoch(0)).Accuracy;
    Console.WriteLine($"LeNet-5 trained on real data: test accuracy {testAccuracy * 100:F2}% after {classifierEpochs} epochs");

    var vae = new ConditionalVae(1, 28, 10, latent, new RandomSource(seed + 1));
    var vaeTrainer = new ConditionalVaeTrainer(vae, new Adam(vae.Parameters(), 1e-3f), new RandomSource(seed + 2));
    var rawBatches = new BatchLoader(train, 64, ChannelNormalization.Identity(1), shuffle: true, seed + 3);
    for (int epoch = 0; epoch < vaeEpochs; epoch++)
    {
        var clock = Stopwatch.StartNew();
        VaeLoss loss = vaeTrainer.TrainEpoch(rawBatches.Epoch(epoch));
        Console.WriteLine($"CVAE epoch {epoch + 1}: reconstruction {loss.Reconstruction:F2} + KL {loss.KlDivergence:F2} = {loss.Total:F2} nats/image ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    var accuracy = SampleLabelAccuracy.Measure(vae, classifier, normalized, perClass, new RandomSource(seed + 4));
    for (int c = 0; c < 10; c++)
    {
        Console.WriteLine($"  {FashionMnist.ClassNames[c],-12} {accuracy.PerClass[c] * 100:F1}%");
    }

    Console.WriteLine($"RESULT CVAE samples labelled correctly by LeNet-5: {accuracy.Overall * 100:F2}% ({perClass} per class, {vaeEpochs} CVAE epochs, latent {latent})");

    const int columns = 10;
    var labels = Enumerable.Range(0, 10).SelectMany(c => Enumerable.Repeat(c, columns)).ToArray();
    var samples = vae.Sample(labels, new RandomSource(seed + 5));
    var (pixels, width, height) = SampleGrid.Tile(samples.Span, 10, columns, 1, 28, 28);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(png))!);
    PngEncoder.Write(png, pixels, width, height, 1);
    Console.WriteLine($"Sample grid written to {Path.GetFullPath(png)} (rows: {string.Join(", ", FashionMnist.ClassNames)})");
}

/// <summary>--name value pairs from the command line.</summary>
internal sealed class ReferenceOptions(Dictionary<string, string> values)
{
    public static ReferenceOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'.", nameof(args));
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new ReferenceOptions(values);
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public float Float(string name, float fallback) =>
        values.TryGetValue(name, out var text) ? float.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public string? TextOrNull(string name) => values.GetValueOrDefault(name);
}
