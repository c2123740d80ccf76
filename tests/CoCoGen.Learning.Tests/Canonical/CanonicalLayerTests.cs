using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

/// <summary>The layer geometries LeNet-5 does not exercise (strides, other paddings and windows), for the next models.</summary>
public sealed class CanonicalLayerTests
{
    [Theory]
    [InlineData(3, 9, 11, 4, 3, 2, 1)]
    [InlineData(2, 8, 8, 5, 3, 1, 1)]
    [InlineData(1, 7, 5, 3, 1, 1, 0)]
    [InlineData(2, 6, 6, 3, 3, 3, 4)]
    public void Convolution_EqualsTheOrderedScalarSumBitForBit(int inChannels, int height, int width, int outChannels, int kernel, int stride, int padding)
    {
        var random = new RandomSource(1515);
        var state = new Dictionary<string, Tensor>
        {
            ["c.weight"] = Random(random, outChannels, inChannels, kernel, kernel),
            ["c.bias"] = Random(random, outChannels),
        };
        var layer = new CanonicalConvolution(state, "c", inChannels, height, width, outChannels, kernel, stride, padding);
        const int samples = 3;
        Tensor input = Random(random, samples, inChannels, height, width);
        float[] output = new float[samples * layer.OutputLength];
        layer.Forward(input.Span, output, samples, new float[layer.ScratchLength(samples)]);
        int outHeight = layer.OutputHeight;
        int outWidth = layer.OutputWidth;
        Assert.Equal(((height + (2 * padding) - kernel) / stride) + 1, outHeight);
        for (int s = 0; s < samples; s++)
        {
            for (int o = 0; o < outChannels; o++)
            {
                for (int y = 0; y < outHeight; y++)
                {
                    for (int x = 0; x < outWidth; x++)
                    {
                        float sum = state["c.bias"][o];
                        for (int c = 0; c < inChannels; c++)
                        {
                            for (int ky = 0; ky < kernel; ky++)
                            {
                                for (int kx = 0; kx < kernel; kx++)
                                {
                                    int iy = (y * stride) + ky - padding;
                                    int ix = (x * stride) + kx - padding;
                                    float value = iy >= 0 && iy < height && ix >= 0 && ix < width ? input[s, c, iy, ix] : 0f;
                                    float product = state["c.weight"][o, c, ky, kx] * value;
                                    sum = (float)(sum + product);
                                }
                            }
                        }

                        float actual = output[(((((s * outChannels) + o) * outHeight) + y) * outWidth) + x];
                        Assert.True(BitConverter.SingleToInt32Bits(sum) == BitConverter.SingleToInt32Bits(actual), $"sample {s} out ({o},{y},{x}): {actual:R}, reference {sum:R}");
                    }
                }
            }
        }
    }

    [Fact]
    public void MaxPool_TakesTheFirstLargestOfEachOverlappingWindow()
    {
        var layer = new CanonicalMaxPool(1, 5, 5, 3, 2);
        float[] input = [.. Enumerable.Range(0, 25).Select(i => (float)((i * 7) % 11))];
        float[] output = new float[4];
        layer.Forward(input, output, 1, new float[layer.ScratchLength(1)]);
        float[] expected = new float[4];
        for (int y = 0; y < 2; y++)
        {
            for (int x = 0; x < 2; x++)
            {
                expected[(y * 2) + x] = Enumerable.Range(0, 9).Max(t => input[(((2 * y) + (t / 3)) * 5) + (2 * x) + (t % 3)]);
            }
        }

        Assert.Equal(expected, output);
    }

    [Fact]
    public void MaxPool_KeepsTheFirstOfTiedZerosAndOnlyALeadingNaN_InEveryLane()
    {
        // Output rows of 37 windows run through the SIMD select and its scalar tail alike.
        const int width = 74;
        var layer = new CanonicalMaxPool(1, 2, width, 2);
        var random = new RandomSource(16);
        float[] special = [0f, -0f, float.NaN, 1f, -1f];
        float[] input = [.. Enumerable.Range(0, 2 * width).Select(_ => special[random.NextInt(special.Length)])];
        float[] output = new float[layer.OutputLength];
        layer.Forward(input, output, 1, new float[layer.ScratchLength(1)]);
        for (int x = 0; x < width / 2; x++)
        {
            float best = input[2 * x];
            foreach (float v in new[] { input[(2 * x) + 1], input[width + (2 * x)], input[width + (2 * x) + 1] })
            {
                best = v > best ? v : best;
            }

            Assert.True(BitConverter.SingleToInt32Bits(best) == BitConverter.SingleToInt32Bits(output[x]), $"window {x}: {output[x]}, first-largest rule gives {best}");
        }
    }

    [Fact]
    public void Relu_ZeroesNegativesAndPassesNaNAndNegativeZero_InEveryLane()
    {
        var random = new RandomSource(17);
        float[] special = [0f, -0f, float.NaN, 2.5f, -2.5f, float.NegativeInfinity, float.Epsilon, -float.Epsilon];
        float[] input = [.. Enumerable.Range(0, 3 * 37).Select(_ => special[random.NextInt(special.Length)])];
        float[] output = new float[input.Length];
        new CanonicalRelu(37).Forward(input, output, 3, []);
        for (int i = 0; i < input.Length; i++)
        {
            float expected = input[i] < 0 ? 0f : input[i];
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(output[i]), $"relu({input[i]}) gave {output[i]}");
        }
    }

    private static Tensor Random(RandomSource random, params int[] shape)
    {
        var tensor = new Tensor(shape);
        random.FillUniform(tensor.Span, -1, 1);
        return tensor;
    }
}
