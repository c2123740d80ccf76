using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Losses;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.SideBySide;

/// <summary>
/// Where the native engine's training step spends its time: the model is unrolled into its chain of leaf layers
/// (LeNet-5's children and every <see cref="Sequential"/> are chains; any other block is timed as one), and each
/// layer's forward and backward, the loss and the optimizer step are timed separately over the same batches the
/// throughput measurement trains on. The sum of the parts is printed beside the whole step so the timer's cost shows.
/// </summary>
internal static class LayerProfile
{
    public static string Run(string modelName, int batch, int threads, int images)
    {
        Layer model = modelName switch
        {
            "lenet5" => new LeNet5(1, 28, 10, new RandomSource(1)),
            "mobilenetv3-small" => new MobileNetV3Small(1, 28, 10, new RandomSource(1)),
            _ => throw new ArgumentException($"--model {modelName}: use lenet5 or mobilenetv3-small"),
        };
        images = (images > 0 ? images : (modelName == "lenet5" ? 12_800 : 1_600)) / batch * batch;
        var compute = new CpuBackend(threads);
        model.UseBackend(compute);
        model.RequiresInputGradient = false;
        var optimizer = new Sgd(model.Parameters(), 0.01f, 0.9f, backend: compute);
        var loss = new SoftmaxCrossEntropyLoss(compute);
        List<(string Name, Layer Layer)> chain = [];
        Unroll(model, string.Empty, chain);

        var train = FashionMnist.LoadTrain();
        var loader = new BatchLoader(new SubsetDataset(train, [.. Enumerable.Range(0, images)]), batch, ChannelNormalization.FashionMnist, shuffle: false, 1);
        List<LabeledBatch> batches = [.. loader.Epoch(0).Select(b => new LabeledBatch(b.Images.Clone(), [.. b.Labels]))];

        var forward = new double[chain.Count];
        var backward = new double[chain.Count];
        double lossTime = 0, zeroTime = 0, stepTime = 0, total = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            // Pass 0 warms the JIT and the workspaces; pass 1 is measured.
            Array.Clear(forward);
            Array.Clear(backward);
            lossTime = zeroTime = stepTime = total = 0;
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            foreach (LabeledBatch b in batches)
            {
                long start = Stopwatch.GetTimestamp();
                long t = start;
                optimizer.ZeroGradients();
                zeroTime += Lap(ref t);
                Tensor x = b.Images;
                for (int i = 0; i < chain.Count; i++)
                {
                    x = chain[i].Layer.Forward(x);
                    forward[i] += Lap(ref t);
                }

                loss.Forward(x, b.Labels);
                Tensor g = loss.Backward();
                lossTime += Lap(ref t);
                for (int i = chain.Count - 1; i >= 0; i--)
                {
                    g = chain[i].Layer.Backward(g);
                    backward[i] += Lap(ref t);
                }

                optimizer.Update();
                stepTime += Lap(ref t);
                total += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            if (pass == 1)
            {
                double perStep = 1.0 / batches.Count;
                var text = new StringBuilder();
                string lanes = Vector512.IsHardwareAccelerated ? "16" : Vector256.IsHardwareAccelerated ? "8" : "4";
                text.AppendLine(CultureInfo.InvariantCulture, $"{modelName} batch {batch}, {threads} thread(s), {lanes} lanes, {batches.Count} steps: ms per step (forward / backward)");
                for (int i = 0; i < chain.Count; i++)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {chain[i].Name,-28} {forward[i] * perStep,8:F4} / {backward[i] * perStep,8:F4}");
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"  {"loss (softmax + CE)",-28} {lossTime * perStep,8:F4}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {"zero gradients",-28} {zeroTime * perStep,8:F4}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {"SGD step",-28} {stepTime * perStep,8:F4}");
                double parts = forward.Sum() + backward.Sum() + lossTime + zeroTime + stepTime;
                text.AppendLine(CultureInfo.InvariantCulture, $"  step {total * perStep:F4} ms (parts {parts * perStep:F4}); {batch * batches.Count / (total / 1000):F0} images/s; allocated {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)batches.Count:F0} B per step on this thread");
                return text.ToString();
            }
        }

        throw new UnreachableException();
    }

    private static double Lap(ref long timestamp)
    {
        long now = Stopwatch.GetTimestamp();
        double elapsed = Stopwatch.GetElapsedTime(timestamp, now).TotalMilliseconds;
        timestamp = now;
        return elapsed;
    }

    private static void Unroll(Layer layer, string name, List<(string Name, Layer Layer)> chain)
    {
        if (layer is LeNet5 or Sequential or ImageClassifier)
        {
            foreach ((string child, Layer inner) in layer.Children)
            {
                Unroll(inner, name.Length == 0 ? child : $"{name}.{child}", chain);
            }
        }
        else
        {
            chain.Add((name, layer));
        }
    }
}
