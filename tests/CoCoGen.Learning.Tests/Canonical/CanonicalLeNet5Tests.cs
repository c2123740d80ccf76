using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

public sealed class CanonicalLeNet5Tests
{
    [Theory]
    [InlineData(1, 28, 37)]
    [InlineData(3, 32, 33)]
    public void Forward_EqualsTheScalarReferenceBitForBit(int channels, int side, int samples)
    {
        var random = new RandomSource(404);
        var model = new LeNet5(channels, side, 10, random);
        Dictionary<string, Tensor> state = CanonicalTestRound.State(model);
        CanonicalValidationSet images = CanonicalTestRound.Images(samples, channels, side, random);
        CanonicalNetwork network = CanonicalLeNet5.Of(model).Bind(state);
        float[] logits = new float[samples * 10];
        // Chunks of 1, 16 and the rest: the chunk size must not matter either.
        CanonicalWorkspace workspace = network.CreateWorkspace(samples);
        int imageLength = channels * side * side;
        int done = 0;
        foreach (int chunk in new[] { 1, 16, samples - 17 })
        {
            network.Forward(images.Images.Slice(done * imageLength), chunk, logits.AsSpan(done * 10), workspace);
            done += chunk;
        }

        for (int s = 0; s < samples; s++)
        {
            float[] expected = ScalarLeNet5Reference.Logits(state, images.Images.Slice(s * imageLength, imageLength), channels, side, 10);
            for (int j = 0; j < 10; j++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(expected[j]) == BitConverter.SingleToInt32Bits(logits[(s * 10) + j]),
                    $"sample {s} class {j}: canonical {logits[(s * 10) + j]:R}, reference {expected[j]:R}");
            }
        }
    }

    [Fact]
    public void Forward_ComputesTheEnginesLeNet5()
    {
        // Same names, layouts and layer order as the fast engine: only rounding differs.
        var random = new RandomSource(505);
        var model = new LeNet5(1, 28, 10, random);
        CanonicalValidationSet images = CanonicalTestRound.Images(20, 1, 28, random);
        CanonicalNetwork network = CanonicalLeNet5.Of(model).Bind(CanonicalTestRound.State(model));
        float[] logits = new float[200];
        network.Forward(images.Images, 20, logits, network.CreateWorkspace(20));
        model.Eval();
        Tensor fast = model.Forward(Tensor.FromValues(images.Images, 20, 1, 28, 28));
        for (int i = 0; i < logits.Length; i++)
        {
            Assert.True(Math.Abs(logits[i] - fast[i]) <= 1e-5f * (1 + Math.Abs(fast[i])), $"logit {i}: canonical {logits[i]}, engine {fast[i]}");
        }
    }

    [Fact]
    public void Bind_NamesAMissingOrMisshapedTensor()
    {
        var model = new LeNet5(1, 28, 10, new RandomSource(1));
        Dictionary<string, Tensor> state = CanonicalTestRound.State(model);
        var architecture = CanonicalLeNet5.Of(model);
        state.Remove("fc2.bias");
        Assert.Contains("fc2.bias", Assert.Throws<ArgumentException>(() => architecture.Bind(state)).Message);
        state = CanonicalTestRound.State(model);
        state["conv2.weight"] = new Tensor(16, 6, 3, 3);
        Assert.Contains("conv2.weight", Assert.Throws<ArgumentException>(() => architecture.Bind(state)).Message);
    }

    [Fact]
    public void StateLayout_IsTheEnginesStateDictionary()
    {
        var model = new LeNet5(3, 32, 7, new RandomSource(2));
        var expected = model.StateTensors().Select(t => (t.Name, string.Join('x', t.Tensor.Shape.ToArray()))).OrderBy(t => t.Name, StringComparer.Ordinal);
        var actual = CanonicalLeNet5.Of(model).StateLayout.Select(t => (t.Name, string.Join('x', t.Shape))).OrderBy(t => t.Name, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }
}
