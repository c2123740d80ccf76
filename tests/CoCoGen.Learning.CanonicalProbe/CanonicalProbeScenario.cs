using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.CanonicalProbe;

/// <summary>
/// A seeded round: a LeNet-5 global state, n updates (global plus seeded noise; the last organization returns
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
    public static Result Run(ulong seed, int organizations, int samples, int threads)
    {
        var random = new RandomSource(seed);
        var model = new LeNet5(1, 28, 10, random);
        Dictionary<string, Tensor> global = model.StateTensors().ToDictionary(t => t.Name, t => t.Tensor.Clone(), StringComparer.Ordinal);
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

        byte[] pixels = new byte[samples * 784];
        byte[] labels = new byte[samples];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)random.NextInt(256);
        }

        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = (byte)random.NextInt(10);
        }

        var dataset = new ByteImageDataset(pixels, labels, 1, 28, 28, 10);
        var validation = CanonicalValidationSet.FromDataset(dataset, [.. Enumerable.Range(0, samples)]);
        var architecture = CanonicalLeNet5.Of(model);
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
