using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

public sealed class CanonicalMobileNetV2Tests
{
    [Theory]
    [InlineData(3, 32, 10)]
    [InlineData(1, 28, 10)]
    [InlineData(3, 96, 7)]
    public void StateLayout_IsTheEnginesStateDictionaryInItsOrder(int channels, int side, int classes)
    {
        // The meter writes the flat weight vector through StateLayout, so the order must be the engine's too.
        var model = new MobileNetV2(channels, side, classes, new RandomSource(2));
        var expected = model.StateTensors().Select(t => (t.Name, string.Join('x', t.Tensor.Shape.ToArray()))).ToArray();
        var actual = new CanonicalMobileNetV2(model.InputChannels, model.ImageSize, model.Classes).StateLayout.Select(t => (t.Name, string.Join('x', t.Shape))).ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(3, 32, 6)]
    [InlineData(1, 28, 4)]
    public void Forward_ComputesTheEnginesEvalForward(int channels, int side, int samples)
    {
        // Batch norm's statistics and affine are moved off their initial values, so a mistake in the fold shows.
        var random = new RandomSource(606);
        var model = new MobileNetV2(channels, side, 10, random);
        Dictionary<string, Tensor> state = TrainedLookingState(model, random);
        model.LoadState(state);
        CanonicalValidationSet images = CanonicalTestRound.Images(samples, channels, side, random);
        CanonicalNetwork network = new CanonicalMobileNetV2(model.InputChannels, model.ImageSize, model.Classes).Bind(state);
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
        var random = new RandomSource(707);
        var model = new MobileNetV2(3, 32, 10, random);
        Dictionary<string, Tensor> state = TrainedLookingState(model, random);
        const int samples = 7;
        CanonicalValidationSet images = CanonicalTestRound.Images(samples, 3, 32, random);
        CanonicalNetwork network = new CanonicalMobileNetV2(model.InputChannels, model.ImageSize, model.Classes).Bind(state);
        float[] whole = new float[samples * 10];
        network.Forward(images.Images, samples, whole, network.CreateWorkspace(samples));
        float[] pieces = new float[samples * 10];
        CanonicalWorkspace workspace = network.CreateWorkspace(4);
        int done = 0;
        foreach (int chunk in new[] { 1, 4, 2 })
        {
            network.Forward(images.Images.Slice(done * network.ImageLength), chunk, pieces.AsSpan(done * 10), workspace);
            done += chunk;
        }

        Assert.Equal(whole.Select(BitConverter.SingleToInt32Bits), pieces.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Bind_NamesAMissingOrMisshapedTensor()
    {
        var model = new MobileNetV2(3, 32, 10, new RandomSource(1));
        var architecture = new CanonicalMobileNetV2(model.InputChannels, model.ImageSize, model.Classes);
        Dictionary<string, Tensor> state = model.StateTensors().ToDictionary(t => t.Name, t => t.Tensor.Clone(), StringComparer.Ordinal);
        state.Remove("features.2.1.1.running_var");
        Assert.Contains("features.2.1.1.running_var", Assert.Throws<ArgumentException>(() => architecture.Bind(state)).Message);
        state = model.StateTensors().ToDictionary(t => t.Name, t => t.Tensor.Clone(), StringComparer.Ordinal);
        state["features.3.body.1.0.weight"] = new Tensor(144, 1, 5, 5);
        Assert.Contains("features.3.body.1.0.weight", Assert.Throws<ArgumentException>(() => architecture.Bind(state)).Message);
    }

    internal static Dictionary<string, Tensor> TrainedLookingState(MobileNetV2 model, RandomSource random)
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
}
