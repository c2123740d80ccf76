#:project ../src/CoCoGen.Learning/CoCoGen.Learning.csproj
#:property PublishAot=false
#:property Optimize=true

// Conditional-VAE acceptance on the real Fashion-MNIST: trains LeNet-5 on real data, trains the conditional VAE,
// generates samples per class, reports the fraction the classifier labels correctly (acceptance: >= 70%) and
// writes a PNG grid (one row per class).
// Run: dotnet run -c Release reference/CvaeFashionMnist.cs -- [--epochs 10] [--classifier-epochs 3]
//      [--latent 16] [--per-class 1000] [--seed 1] [--png runs/cvae-samples.png] [--data DIR]
using System.Diagnostics;
using System.Globalization;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

var options = ReferenceOptions.Parse(args);
int vaeEpochs = options.Int("epochs", 10);
int classifierEpochs = options.Int("classifier-epochs", 3);
int latent = options.Int("latent", 16);
int perClass = options.Int("per-class", 1000);
ulong seed = (ulong)options.Int("seed", 1);
string png = options.Text("png", "runs/cvae-samples.png");
string? data = options.TextOrNull("data");

var train = FashionMnist.LoadTrain(data);
var test = FashionMnist.LoadTest(data);
var normalized = ChannelNormalization.FashionMnist;

// 1. The judge: LeNet-5 trained on real images only (SGD 0.01, momentum 0.9, batch 64).
var classifier = new LeNet5(1, 28, 10, new RandomSource(seed));
var trainer = new Trainer(classifier, new Sgd(classifier.Parameters(), 0.01f, momentum: 0.9f));
var realBatches = new BatchLoader(train, 64, normalized, shuffle: true, seed);
for (int epoch = 0; epoch < classifierEpochs; epoch++)
{
    trainer.TrainEpoch(realBatches.Epoch(epoch));
}

var testAccuracy = trainer.Evaluate(new BatchLoader(test, 1000, normalized, shuffle: false, seed).Epoch(0)).Accuracy;
Console.WriteLine($"LeNet-5 trained on real data: test accuracy {testAccuracy:P2} after {classifierEpochs} epochs");

// 2. The generator: conditional VAE (Adam 1e-3, batch 64) on raw [0, 1] pixels.
var vae = new ConditionalVae(1, 28, 10, latent, new RandomSource(seed + 1));
var vaeTrainer = new ConditionalVaeTrainer(vae, new Adam(vae.Parameters(), 1e-3f), new RandomSource(seed + 2));
var rawBatches = new BatchLoader(train, 64, ChannelNormalization.Identity(1), shuffle: true, seed + 3);
for (int epoch = 0; epoch < vaeEpochs; epoch++)
{
    var clock = Stopwatch.StartNew();
    VaeLoss loss = vaeTrainer.TrainEpoch(rawBatches.Epoch(epoch));
    Console.WriteLine($"CVAE epoch {epoch + 1}: reconstruction {loss.Reconstruction:F2} + KL {loss.KlDivergence:F2} = {loss.Total:F2} nats/image ({clock.Elapsed.TotalSeconds:F0} s)");
}

// 3. The acceptance figure.
var accuracy = SampleLabelAccuracy.Measure(vae, classifier, normalized, perClass, new RandomSource(seed + 4));
for (int c = 0; c < 10; c++)
{
    Console.WriteLine($"  {FashionMnist.ClassNames[c],-12} {accuracy.PerClass[c]:P1}");
}

Console.WriteLine($"RESULT CVAE samples labelled correctly by LeNet-5: {accuracy.Overall:P2} ({perClass} per class, {vaeEpochs} CVAE epochs)");

// 4. The picture: ten samples of each class, one row per class.
const int columns = 10;
var labels = Enumerable.Range(0, 10).SelectMany(c => Enumerable.Repeat(c, columns)).ToArray();
var samples = vae.Sample(labels, new RandomSource(seed + 5));
var (pixels, width, height) = SampleGrid.Tile(samples.Span, 10, columns, 1, 28, 28);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(png))!);
PngEncoder.Write(png, pixels, width, height, 1);
Console.WriteLine($"Sample grid written to {Path.GetFullPath(png)} (rows: {string.Join(", ", FashionMnist.ClassNames)})");

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

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public string? TextOrNull(string name) => values.GetValueOrDefault(name);
}
