using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

/// <summary>Seeded LeNet-5 states, updates and images for the canonical tests.</summary>
internal static class CanonicalTestRound
{
    public static Dictionary<string, Tensor> State(LeNet5 model)
        => model.StateTensors().ToDictionary(t => t.Name, t => t.Tensor.Clone(), StringComparer.Ordinal);

    public static List<ModelUpdate> Updates(IReadOnlyDictionary<string, Tensor> global, int count, RandomSource random)
    {
        var updates = new List<ModelUpdate>();
        for (int k = 0; k < count; k++)
        {
            var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach ((string name, Tensor tensor) in global)
            {
                Tensor copy = tensor.Clone();
                Span<float> values = copy.Span;
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] += (random.NextSingle() - 0.5f) * 0.1f;
                }

                state.Add(name, copy);
            }

            updates.Add(new ModelUpdate($"org-{k:D2}", state, 50 + random.NextInt(2000)));
        }

        return updates;
    }

    public static CanonicalValidationSet Images(int count, int channels, int side, RandomSource random)
    {
        float[] images = new float[count * channels * side * side];
        random.FillUniform(images, 0, 1);
        int[] labels = [.. Enumerable.Range(0, count).Select(_ => random.NextInt(10))];
        return new CanonicalValidationSet(images, labels, channels * side * side, 10);
    }
}
