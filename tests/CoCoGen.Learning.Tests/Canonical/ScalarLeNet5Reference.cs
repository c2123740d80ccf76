using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

/// <summary>
/// The canonical LeNet-5 written out as plain loops over one image (no unfolding, no matrix kernel, no SIMD):
/// every output element starts at its bias and adds weight·input in (channel, row, column) or feature order,
/// rounding to float32 after each product and each sum. The evaluator must reproduce it bit for bit.
/// </summary>
internal static class ScalarLeNet5Reference
{
    public static float[] Logits(IReadOnlyDictionary<string, Tensor> state, ReadOnlySpan<float> image, int channels, int side, int classes)
    {
        int padding = side == 28 ? 2 : 0;
        float[] x = Convolve(state["conv1.weight"], state["conv1.bias"], image.ToArray(), channels, side, padding);
        x = Relu(Pool(x, 6, 28));
        x = Convolve(state["conv2.weight"], state["conv2.bias"], x, 6, 14, 0);
        x = Relu(Pool(x, 16, 10));
        x = Relu(Dense(state["fc1.weight"], state["fc1.bias"], x));
        x = Relu(Dense(state["fc2.weight"], state["fc2.bias"], x));
        float[] logits = Dense(state["fc3.weight"], state["fc3.bias"], x);
        Assert.Equal(classes, logits.Length);
        return logits;
    }

    private static float[] Convolve(Tensor weight, Tensor bias, float[] input, int inChannels, int side, int padding)
    {
        int outChannels = weight.Dim(0);
        int outSide = side + (2 * padding) - 4;
        float[] output = new float[outChannels * outSide * outSide];
        for (int o = 0; o < outChannels; o++)
        {
            for (int y = 0; y < outSide; y++)
            {
                for (int x = 0; x < outSide; x++)
                {
                    float sum = bias[o];
                    for (int c = 0; c < inChannels; c++)
                    {
                        for (int ky = 0; ky < 5; ky++)
                        {
                            for (int kx = 0; kx < 5; kx++)
                            {
                                int iy = y + ky - padding;
                                int ix = x + kx - padding;
                                bool inside = iy >= 0 && iy < side && ix >= 0 && ix < side;
                                float value = inside ? input[(((c * side) + iy) * side) + ix] : 0f;
                                float product = weight[o, c, ky, kx] * value;
                                sum = (float)(sum + product);
                            }
                        }
                    }

                    output[(((o * outSide) + y) * outSide) + x] = sum;
                }
            }
        }

        return output;
    }

    private static float[] Pool(float[] input, int channels, int side)
    {
        int half = side / 2;
        float[] output = new float[channels * half * half];
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < half; y++)
            {
                for (int x = 0; x < half; x++)
                {
                    int at = (((c * side) + (2 * y)) * side) + (2 * x);
                    float best = input[at];
                    foreach (float v in new[] { input[at + 1], input[at + side], input[at + side + 1] })
                    {
                        if (v > best)
                        {
                            best = v;
                        }
                    }

                    output[(((c * half) + y) * half) + x] = best;
                }
            }
        }

        return output;
    }

    private static float[] Relu(float[] values) => [.. values.Select(v => v < 0 ? 0f : v)];

    private static float[] Dense(Tensor weight, Tensor bias, float[] input)
    {
        float[] output = new float[weight.Dim(0)];
        for (int o = 0; o < output.Length; o++)
        {
            float sum = bias[o];
            for (int i = 0; i < input.Length; i++)
            {
                float product = weight[o, i] * input[i];
                sum = (float)(sum + product);
            }

            output[o] = sum;
        }

        return output;
    }
}
