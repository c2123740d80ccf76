using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

/// <summary>
/// The layers MobileNetV2 adds to the canonical evaluator, each against its written definition computed one scalar
/// at a time. Plane sizes are chosen so that every lane width's blocks and ragged ends are used.
/// </summary>
public sealed class CanonicalMobileNetLayerTests
{
    [Theory]
    [InlineData(3, 9, 11, 3, 2, 1)]
    [InlineData(2, 8, 8, 3, 1, 1)]
    [InlineData(4, 32, 32, 3, 1, 1)]
    [InlineData(5, 16, 16, 3, 2, 1)]
    [InlineData(2, 7, 5, 5, 1, 2)]
    [InlineData(3, 4, 4, 3, 1, 1)]
    public void DepthwiseConvolution_EqualsTheOrderedScalarSumBitForBit(int channels, int height, int width, int kernel, int stride, int padding)
    {
        var random = new RandomSource(2121);
        var state = new Dictionary<string, Tensor> { ["d.weight"] = Random(random, channels, 1, kernel, kernel) };
        var layer = new CanonicalDepthwiseConvolution(state, "d", channels, height, width, kernel, stride, padding);
        const int samples = 3;
        Tensor input = Random(random, samples, channels, height, width);
        float[] output = new float[samples * layer.OutputLength];
        layer.Forward(input.Span, output, samples, new float[layer.ScratchLength(samples)]);
        int outHeight = layer.OutputHeight;
        int outWidth = layer.OutputWidth;
        Assert.Equal(((height + (2 * padding) - kernel) / stride) + 1, outHeight);
        Assert.Equal(((width + (2 * padding) - kernel) / stride) + 1, outWidth);
        for (int s = 0; s < samples; s++)
        {
            for (int c = 0; c < channels; c++)
            {
                for (int y = 0; y < outHeight; y++)
                {
                    for (int x = 0; x < outWidth; x++)
                    {
                        float sum = 0f;
                        for (int ky = 0; ky < kernel; ky++)
                        {
                            for (int kx = 0; kx < kernel; kx++)
                            {
                                int iy = (y * stride) + ky - padding;
                                int ix = (x * stride) + kx - padding;
                                float value = iy >= 0 && iy < height && ix >= 0 && ix < width ? input[s, c, iy, ix] : 0f;
                                float product = state["d.weight"][c, 0, ky, kx] * value;
                                sum = (float)(sum + product);
                            }
                        }

                        float actual = output[(((((s * channels) + c) * outHeight) + y) * outWidth) + x];
                        Assert.True(BitConverter.SingleToInt32Bits(sum) == BitConverter.SingleToInt32Bits(actual), $"sample {s} channel {c} ({y},{x}): {actual:R}, reference {sum:R}");
                    }
                }
            }
        }
    }

    [Fact]
    public void ConvolutionWithoutBias_StartsFromZero()
    {
        var random = new RandomSource(2222);
        var state = new Dictionary<string, Tensor> { ["c.weight"] = Random(random, 4, 3, 1, 1) };
        var layer = new CanonicalConvolution(state, "c", 3, 5, 5, 4, 1, bias: false);
        Tensor input = Random(random, 2, 3, 5, 5);
        float[] output = new float[2 * layer.OutputLength];
        layer.Forward(input.Span, output, 2, new float[layer.ScratchLength(2)]);
        for (int s = 0; s < 2; s++)
        {
            for (int o = 0; o < 4; o++)
            {
                for (int p = 0; p < 25; p++)
                {
                    float sum = 0f;
                    for (int c = 0; c < 3; c++)
                    {
                        sum = (float)(sum + (float)(state["c.weight"][o, c, 0, 0] * input[s, c, p / 5, p % 5]));
                    }

                    Assert.Equal(BitConverter.SingleToInt32Bits(sum), BitConverter.SingleToInt32Bits(output[(((s * 4) + o) * 25) + p]));
                }
            }
        }
    }

    [Theory]
    [InlineData(3, 37)]
    [InlineData(5, 16)]
    [InlineData(2, 1)]
    public void BatchNorm_FoldsAndAppliesInTheDefinedOrder(int channels, int pixels)
    {
        var random = new RandomSource(2323);
        var state = new Dictionary<string, Tensor>
        {
            ["n.weight"] = Random(random, channels),
            ["n.bias"] = Random(random, channels),
            ["n.running_mean"] = Random(random, channels),
            ["n.running_var"] = Positive(random, channels),
        };
        var layer = new CanonicalBatchNorm(state, "n", channels, pixels);
        const int samples = 3;
        Tensor input = Random(random, samples, channels, pixels);
        float[] output = new float[samples * channels * pixels];
        layer.Forward(input.Span, output, samples, []);
        for (int s = 0; s < samples; s++)
        {
            for (int c = 0; c < channels; c++)
            {
                float root = MathF.Sqrt((float)(state["n.running_var"][c] + 1e-5f));
                float scale = (float)(state["n.weight"][c] / root);
                float shift = (float)(state["n.bias"][c] - (float)(state["n.running_mean"][c] * scale));
                for (int p = 0; p < pixels; p++)
                {
                    float expected = (float)((float)(input.Span[(((s * channels) + c) * pixels) + p] * scale) + shift);
                    float actual = output[(((s * channels) + c) * pixels) + p];
                    Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual), $"sample {s} channel {c} pixel {p}: {actual:R}, definition {expected:R}");
                    // And it is batch norm: (x − μ)/√(σ² + ε)·γ + β up to rounding.
                    double exact = ((input.Span[(((s * channels) + c) * pixels) + p] - (double)state["n.running_mean"][c]) / Math.Sqrt(state["n.running_var"][c] + 1e-5) * state["n.weight"][c]) + state["n.bias"][c];
                    Assert.True(Math.Abs(actual - exact) <= 1e-5 * (1 + Math.Abs(exact)), $"sample {s} channel {c} pixel {p}: {actual}, batch norm {exact}");
                }
            }
        }
    }

    [Fact]
    public void Relu6_ClampsToZeroAndSixAndPassesNaNAndNegativeZero_InEveryLane()
    {
        var random = new RandomSource(19);
        float[] special = [0f, -0f, float.NaN, 2.5f, -2.5f, 6f, 6.5f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon, 5.9999995f];
        float[] input = [.. Enumerable.Range(0, 3 * 37).Select(_ => special[random.NextInt(special.Length)])];
        float[] output = new float[input.Length];
        new CanonicalRelu6(37).Forward(input, output, 3, []);
        for (int i = 0; i < input.Length; i++)
        {
            float expected = input[i] < 0 ? 0f : input[i] > 6f ? 6f : input[i];
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(output[i]), $"relu6({input[i]}) gave {output[i]}");
        }
    }

    [Fact]
    public void GlobalAveragePool_SumsInRowMajorOrderThenDivides()
    {
        var random = new RandomSource(23);
        const int channels = 5;
        const int pixels = 49;
        Tensor input = Random(random, 2, channels, pixels);
        float[] output = new float[2 * channels];
        new CanonicalGlobalAveragePool(channels, pixels).Forward(input.Span, output, 2, []);
        for (int s = 0; s < 2; s++)
        {
            for (int c = 0; c < channels; c++)
            {
                float sum = 0f;
                for (int p = 0; p < pixels; p++)
                {
                    sum = (float)(sum + input.Span[(((s * channels) + c) * pixels) + p]);
                }

                Assert.Equal(BitConverter.SingleToInt32Bits((float)(sum / pixels)), BitConverter.SingleToInt32Bits(output[(s * channels) + c]));
            }
        }
    }

    [Fact]
    public void Residual_AddsTheInputToTheBodysOutput()
    {
        var random = new RandomSource(29);
        const int length = 53;
        var state = new Dictionary<string, Tensor>
        {
            ["n.weight"] = Random(random, 1),
            ["n.bias"] = Random(random, 1),
            ["n.running_mean"] = Random(random, 1),
            ["n.running_var"] = Positive(random, 1),
        };
        ICanonicalLayer[] body = [new CanonicalBatchNorm(state, "n", 1, length), new CanonicalRelu6(length)];
        var residual = new CanonicalResidual(body);
        const int samples = 3;
        float[] input = new float[samples * length];
        random.FillUniform(input, -8, 8);
        float[] alone = new float[input.Length];
        float[] between = new float[input.Length];
        body[0].Forward(input, between, samples, []);
        body[1].Forward(between, alone, samples, []);
        float[] output = new float[input.Length];
        residual.Forward(input, output, samples, new float[residual.ScratchLength(samples)]);
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits((float)(alone[i] + input[i])), BitConverter.SingleToInt32Bits(output[i]));
        }

        Assert.Throws<ArgumentException>(() => new CanonicalResidual([new CanonicalGlobalAveragePool(1, length)]));
    }

    private static Tensor Random(RandomSource random, params int[] shape)
    {
        var tensor = new Tensor(shape);
        random.FillUniform(tensor.Span, -1, 1);
        return tensor;
    }

    private static Tensor Positive(RandomSource random, params int[] shape)
    {
        var tensor = new Tensor(shape);
        random.FillUniform(tensor.Span, 0.25f, 2f);
        return tensor;
    }
}
