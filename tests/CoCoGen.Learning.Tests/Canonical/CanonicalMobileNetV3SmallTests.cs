using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

public sealed class CanonicalMobileNetV3SmallTests
{
    [Theory]
    [InlineData(1, 28, 10)]
    [InlineData(3, 32, 10)]
    [InlineData(3, 96, 7)]
    public void StateLayout_IsTheEnginesStateDictionaryInItsOrder(int channels, int side, int classes)
    {
        var model = new MobileNetV3Small(channels, side, classes, new RandomSource(3));
        var expected = model.StateTensors().Select(t => (t.Name, string.Join('x', t.Tensor.Shape.ToArray()))).ToArray();
        var actual = new CanonicalMobileNetV3Small(model.InputChannels, model.ImageSize, model.Classes).StateLayout.Select(t => (t.Name, string.Join('x', t.Shape))).ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1, 28, 6)]
    [InlineData(3, 32, 3)]
    public void Forward_ComputesTheEnginesEvalForward(int channels, int side, int samples)
    {
        var random = new RandomSource(808);
        var model = new MobileNetV3Small(channels, side, 10, random);
        Dictionary<string, Tensor> state = TrainedLookingState(model, random);
        model.LoadState(state);
        CanonicalValidationSet images = CanonicalTestRound.Images(samples, channels, side, random);
        CanonicalNetwork network = new CanonicalMobileNetV3Small(model.InputChannels, model.ImageSize, model.Classes).Bind(state);
        float[] logits = new float[samples * 10];
        network.Forward(images.Images, samples, logits, network.CreateWorkspace(samples));
        model.Eval();
        Tensor fast = model.Forward(Tensor.FromValues(images.Images, samples, channels, side, side));
        float largest = 0f;
        for (int i = 0; i < logits.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(fast[i]));
            Assert.True(Math.Abs(logits[i] - fast[i]) <= 1e-4f * (1 + Math.Abs(fast[i])), $"logit {i}: canonical {logits[i]}, engine {fast[i]}");
        }

        Assert.True(largest > 1e-3f, "every logit is ~0: the comparison proves nothing");
        Assert.True(logits.Distinct().Count() > logits.Length / 2, "the logits hardly vary: the comparison proves little");
    }

    [Fact]
    public void Forward_GivesTheSameBitsWhateverTheChunking()
    {
        var random = new RandomSource(909);
        var model = new MobileNetV3Small(1, 28, 10, random);
        Dictionary<string, Tensor> state = TrainedLookingState(model, random);
        const int samples = 5;
        CanonicalValidationSet images = CanonicalTestRound.Images(samples, 1, 28, random);
        CanonicalNetwork network = new CanonicalMobileNetV3Small(model.InputChannels, model.ImageSize, model.Classes).Bind(state);
        float[] whole = new float[samples * 10];
        network.Forward(images.Images, samples, whole, network.CreateWorkspace(samples));
        float[] pieces = new float[samples * 10];
        CanonicalWorkspace workspace = network.CreateWorkspace(3);
        int done = 0;
        foreach (int chunk in new[] { 1, 3, 1 })
        {
            network.Forward(images.Images.Slice(done * network.ImageLength), chunk, pieces.AsSpan(done * 10), workspace);
            done += chunk;
        }

        Assert.Equal(whole.Select(BitConverter.SingleToInt32Bits), pieces.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Hardswish_FollowsItsDefinitionAndIsHardswish()
    {
        float[] input = [-4f, -3f, -1.5f, -0f, 0f, 0.3f, 2.9f, 3f, 7.25f, float.NaN, float.PositiveInfinity, float.NegativeInfinity];
        float[] output = new float[input.Length];
        new CanonicalHardswish(input.Length).Forward(input, output, 1, []);
        for (int i = 0; i < input.Length; i++)
        {
            float t = (float)(input[i] + 3f);
            float c = t < 0f ? 0f : t > 6f ? 6f : t;
            float expected = (float)((float)(input[i] * c) * (float)(1.0 / 6.0));
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(output[i]) || (float.IsNaN(expected) && float.IsNaN(output[i])), $"hardswish({input[i]}) gave {output[i]}, definition {expected}");
            double exact = input[i] * Math.Clamp(input[i] + 3.0, 0.0, 6.0) / 6.0;
            Assert.True(!double.IsFinite(exact) || Math.Abs(output[i] - exact) <= 1e-6 * (1 + Math.Abs(exact)), $"hardswish({input[i]}) gave {output[i]}, exactly {exact}");
        }
    }

    [Fact]
    public void SqueezeExcitation_GatesEachChannelByItsDefinition()
    {
        var random = new RandomSource(31);
        const int channels = 6;
        const int squeeze = 3;
        const int pixels = 37;
        var state = new Dictionary<string, Tensor>
        {
            ["se.fc1.weight"] = Random(random, squeeze, channels, 1, 1),
            ["se.fc1.bias"] = Random(random, squeeze),
            ["se.fc2.weight"] = Random(random, channels, squeeze, 1, 1),
            ["se.fc2.bias"] = Random(random, channels),
        };
        var layer = new CanonicalSqueezeExcitation(state, "se", channels, squeeze, pixels);
        const int samples = 2;
        Tensor input = Random(random, samples, channels, 1, pixels);
        float[] output = new float[samples * channels * pixels];
        layer.Forward(input.Span, output, samples, new float[layer.ScratchLength(samples)]);
        for (int s = 0; s < samples; s++)
        {
            // In double: the gate differs from the float32 definition only by rounding.
            double[] pooled = [.. Enumerable.Range(0, channels).Select(c => Enumerable.Range(0, pixels).Average(p => (double)input[s, c, 0, p]))];
            double[] reduced = [.. Enumerable.Range(0, squeeze).Select(j => Math.Max(0, state["se.fc1.bias"][j] + Enumerable.Range(0, channels).Sum(c => state["se.fc1.weight"][(j * channels) + c] * pooled[c])))];
            for (int c = 0; c < channels; c++)
            {
                double gate = Math.Clamp(state["se.fc2.bias"][c] + Enumerable.Range(0, squeeze).Sum(j => state["se.fc2.weight"][(c * squeeze) + j] * reduced[j]) + 3, 0, 6) / 6;
                for (int p = 0; p < pixels; p++)
                {
                    double expected = input[s, c, 0, p] * gate;
                    float actual = output[(((s * channels) + c) * pixels) + p];
                    Assert.True(Math.Abs(actual - expected) <= 1e-5, $"sample {s} channel {c} pixel {p}: {actual}, expected {expected}");
                }
            }
        }
    }

    private static Dictionary<string, Tensor> TrainedLookingState(MobileNetV3Small model, RandomSource random)
    {
        Dictionary<string, Tensor> state = model.StateTensors().ToDictionary(t => t.Name, t => t.Tensor.Clone(), StringComparer.Ordinal);
        foreach ((string name, Tensor tensor) in state)
        {
            Span<float> values = tensor.Span;
            if (name.EndsWith(".running_var", StringComparison.Ordinal))
            {
                random.FillUniform(values, 0.5f, 2f);
            }
            else if (name.EndsWith(".running_mean", StringComparison.Ordinal) || (name.EndsWith(".1.bias", StringComparison.Ordinal) && !name.StartsWith("classifier", StringComparison.Ordinal)))
            {
                random.FillUniform(values, -0.2f, 0.2f);
            }
            else if (name.EndsWith(".1.weight", StringComparison.Ordinal) && tensor.Shape.Length == 1)
            {
                random.FillUniform(values, 0.7f, 1.3f);
            }
        }

        return state;
    }

    private static Tensor Random(RandomSource random, params int[] shape)
    {
        var tensor = new Tensor(shape);
        random.FillUniform(tensor.Span, -1, 1);
        return tensor;
    }
}
