using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.CanonicalProbe;

/// <summary>
/// A seeded round: a LeNet-5 (1×28×28), MobileNetV2 (3×32×32) or MobileNetV3-Small (1×28×28) global state (the
/// MobileNets' batch norm moved off its initial statistics), n updates (global plus seeded noise; the last organization returns
/// the global state unchanged), byte images scaled by the product's dataset class. Inputs come from integer
/// random draws and exact scalings only, so every process builds the same bits; their hash is printed too,
/// so a mismatch in the outputs cannot be blamed on the inputs.
/// </summary>
public static class CanonicalProbeScenario
{
    /// <summary>What one run reports.</summary>
    /// <param name="InputHash">SHA-256 of the global state, the updates and the images.</param>
    /// <param name="OutputHash">SHA-256 of the aggregate's float32 bits and every score's float64 loss bits and hit count.</param>
    /// <param name="Lanes">The widest SIMD the canonical kernels used here (16, 8, 4 or 1 floats).</param>
    /// <param name="Loss">L, for the log.</param>
    public sealed record Result(string InputHash, string OutputHash, int Lanes, double Loss);

    /// <summary>Builds the round from <paramref name="seed"/> and measures it canonically.</summary>
    /// <param name="seed">Seeds the weights, the noise, the counts and the images.</param>
    /// <param name="organizations">Accepted updates.</param>
    /// <param name="samples">Validation images.</param>
    /// <param name="threads">Evaluator threads.</param>
    /// <param name="model"><c>lenet5</c>, <c>mobilenetv2</c> or <c>mobilenetv3-small</c>.</param>
    public static Result Run(ulong seed, int organizations, int samples, int threads, string model = "lenet5")
    {
        var random = new RandomSource(seed);
        (Layer engine, ICanonicalClassifier architecture, int channels, int side) = model switch
        {
            "lenet5" => Lenet(random),
            "mobilenetv2" => MobileNet(random),
            "mobilenetv3-small" => MobileNetSmall(random),
            _ => throw new ArgumentException($"unknown model '{model}' (lenet5, mobilenetv2 or mobilenetv3-small)", nameof(model)),
        };
        Dictionary<string, Tensor> global = engine.StateTensors().ToDictionary(t => t.Name, t => t.Tensor.Clone(), StringComparer.Ordinal);
        if (model != "lenet5")
        {
            MoveBatchNorm(global, random);
        }

        var updates = new List<ModelUpdate>();
        for (int k = 0; k < organizations; k++)
        {
            var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach ((string name, Tensor tensor) in global)
            {
                Tensor copy = tensor.Clone();
                if (k < organizations - 1)
                {
                    Span<float> values = copy.Span;
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] += (random.NextSingle() - 0.5f) * 0.05f;
                    }
                }

                state.Add(name, copy);
            }

            updates.Add(new ModelUpdate($"org-{k:D2}", state, 100 + random.NextInt(900)));
        }

        int imageLength = channels * side * side;
        byte[] pixels = new byte[samples * imageLength];
        byte[] labels = new byte[samples];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)random.NextInt(256);
        }

        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = (byte)random.NextInt(10);
        }

        var dataset = new ByteImageDataset(pixels, labels, channels, side, side, 10);
        var validation = CanonicalValidationSet.FromDataset(dataset, [.. Enumerable.Range(0, samples)]);
        var evaluator = new LeaveOneOutEvaluator(new CanonicalEvaluator(architecture, validation, threads));
        Dictionary<string, Tensor> aggregate = LeaveOneOutEvaluator.CreateState(architecture);
        var without = new CanonicalScore[organizations];
        CanonicalScore all = evaluator.Evaluate(global, updates, aggregate, without);

        using var inputs = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendState(inputs, global);
        foreach (ModelUpdate update in updates)
        {
            inputs.AppendData(BitConverter.GetBytes(update.SampleCount));
            AppendState(inputs, update.State);
        }

        inputs.AppendData(MemoryMarshal.AsBytes(validation.Images));
        inputs.AppendData(MemoryMarshal.AsBytes(validation.Labels));
        using var outputs = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendState(outputs, aggregate);
        foreach (CanonicalScore score in (CanonicalScore[])[all, .. without])
        {
            outputs.AppendData(BitConverter.GetBytes(BitConverter.DoubleToInt64Bits(score.Loss)));
            outputs.AppendData(BitConverter.GetBytes(score.Correct));
        }

        return new Result(Convert.ToHexString(inputs.GetHashAndReset()), Convert.ToHexString(outputs.GetHashAndReset()), WidestLanes(), all.Loss);
    }

    private static (Layer, ICanonicalClassifier, int, int) Lenet(RandomSource random)
    {
        var model = new LeNet5(1, 28, 10, random);
        return (model, CanonicalLeNet5.Of(model), 1, 28);
    }

    private static (Layer, ICanonicalClassifier, int, int) MobileNet(RandomSource random)
    {
        var model = new MobileNetV2(3, 32, 10, random);
        return (model, new CanonicalMobileNetV2(model.InputChannels, model.ImageSize, model.Classes), 3, 32);
    }

    private static (Layer, ICanonicalClassifier, int, int) MobileNetSmall(RandomSource random)
    {
        var model = new MobileNetV3Small(1, 28, 10, random);
        return (model, new CanonicalMobileNetV3Small(model.InputChannels, model.ImageSize, model.Classes), 1, 28);
    }

    // Fresh batch norm (μ = 0, σ² = 1, γ = 1, β = 0) would leave most of the fold's arithmetic exact; integer
    // draws scaled by powers of two keep the inputs identical in every process.
    private static void MoveBatchNorm(Dictionary<string, Tensor> state, RandomSource random)
    {
        foreach ((string name, Tensor tensor) in state.Where(t => t.Value.Shape.Length == 1 && !t.Key.StartsWith("classifier", StringComparison.Ordinal)))
        {
            Span<float> values = tensor.Span;
            for (int i = 0; i < values.Length; i++)
            {
                float step = random.NextInt(1024) / 4096f;
                values[i] = name.EndsWith(".running_var", StringComparison.Ordinal) || name.EndsWith(".1.weight", StringComparison.Ordinal)
                    ? 0.75f + step
                    : step - 0.125f;
            }
        }
    }

    private static void AppendState(IncrementalHash hash, IReadOnlyDictionary<string, Tensor> state)
    {
        foreach ((string name, Tensor tensor) in state.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(MemoryMarshal.AsBytes(tensor.Span));
        }
    }

    private static int WidestLanes() => CanonicalEvaluator.WidestLanes;
}
