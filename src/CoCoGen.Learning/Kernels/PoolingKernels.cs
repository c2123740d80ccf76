namespace CoCoGen.Learning.Kernels;

/// <summary>Max, average and adaptive-average pooling over NCHW planes, forward and backward.</summary>
public static class PoolingKernels
{
    /// <summary>output = window maxima; argmax receives each maximum's index inside its input plane.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="output">[N, C, OH, OW].</param>
    /// <param name="argmax">[N, C, OH, OW] plane indices of the maxima (padding never wins).</param>
    /// <param name="g">The window geometry.</param>
    public static void MaxForward(ReadOnlySpan<float> input, Span<float> output, Span<int> argmax, in Pool2dGeometry g)
    {
        int planes = Check(input.Length, output.Length, g);
        ActivationKernels.RequireSameLength(output.Length, argmax.Length, nameof(argmax));
        if (g.Kernel == 2 && g.Stride == 2 && g.Padding == 0)
        {
            MaxForward2x2(input, output, argmax, planes, g);
            return;
        }

        int inPlane = g.InHeight * g.InWidth;
        int outPlane = g.OutHeight * g.OutWidth;
        for (int p = 0; p < planes; p++)
        {
            ReadOnlySpan<float> src = input.Slice(p * inPlane, inPlane);
            int o = p * outPlane;
            for (int oh = 0; oh < g.OutHeight; oh++)
            {
                int h0 = Math.Max(0, (oh * g.Stride) - g.Padding);
                int h1 = Math.Min(g.InHeight, (oh * g.Stride) - g.Padding + g.Kernel);
                for (int ow = 0; ow < g.OutWidth; ow++, o++)
                {
                    int w0 = Math.Max(0, (ow * g.Stride) - g.Padding);
                    int w1 = Math.Min(g.InWidth, (ow * g.Stride) - g.Padding + g.Kernel);
                    int best = (h0 * g.InWidth) + w0;
                    float max = src[best];
                    for (int h = h0; h < h1; h++)
                    {
                        for (int w = w0; w < w1; w++)
                        {
                            float v = src[(h * g.InWidth) + w];
                            if (v > max || float.IsNaN(v))
                            {
                                max = v;
                                best = (h * g.InWidth) + w;
                            }
                        }
                    }

                    output[o] = max;
                    argmax[o] = best;
                }
            }
        }
    }

    /// <summary>inputGradient (overwritten) receives each output gradient at its argmax.</summary>
    /// <param name="outputGradient">[N, C, OH, OW].</param>
    /// <param name="argmax">The indices from <see cref="MaxForward"/>.</param>
    /// <param name="inputGradient">[N, C, H, W].</param>
    /// <param name="g">The window geometry.</param>
    public static void MaxBackward(ReadOnlySpan<float> outputGradient, ReadOnlySpan<int> argmax, Span<float> inputGradient, in Pool2dGeometry g)
    {
        int planes = Check(inputGradient.Length, outputGradient.Length, g);
        ActivationKernels.RequireSameLength(outputGradient.Length, argmax.Length, nameof(argmax));
        inputGradient.Clear();
        int inPlane = g.InHeight * g.InWidth;
        int outPlane = g.OutHeight * g.OutWidth;
        for (int p = 0; p < planes; p++)
        {
            Span<float> dst = inputGradient.Slice(p * inPlane, inPlane);
            for (int o = p * outPlane; o < (p + 1) * outPlane; o++)
            {
                dst[argmax[o]] += outputGradient[o];
            }
        }
    }

    /// <summary>output = window means, padding counted in the divisor (PyTorch's count_include_pad).</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="output">[N, C, OH, OW].</param>
    /// <param name="g">The window geometry.</param>
    public static void AverageForward(ReadOnlySpan<float> input, Span<float> output, in Pool2dGeometry g)
    {
        int planes = Check(input.Length, output.Length, g);
        int inPlane = g.InHeight * g.InWidth;
        float scale = 1f / (g.Kernel * g.Kernel);
        int o = 0;
        for (int p = 0; p < planes; p++)
        {
            ReadOnlySpan<float> src = input.Slice(p * inPlane, inPlane);
            for (int oh = 0; oh < g.OutHeight; oh++)
            {
                int h0 = Math.Max(0, (oh * g.Stride) - g.Padding);
                int h1 = Math.Min(g.InHeight, (oh * g.Stride) - g.Padding + g.Kernel);
                for (int ow = 0; ow < g.OutWidth; ow++, o++)
                {
                    int w0 = Math.Max(0, (ow * g.Stride) - g.Padding);
                    int w1 = Math.Min(g.InWidth, (ow * g.Stride) - g.Padding + g.Kernel);
                    float sum = 0;
                    for (int h = h0; h < h1; h++)
                    {
                        for (int w = w0; w < w1; w++)
                        {
                            sum += src[(h * g.InWidth) + w];
                        }
                    }

                    output[o] = sum * scale;
                }
            }
        }
    }

    /// <summary>inputGradient (overwritten) = the adjoint of <see cref="AverageForward"/>.</summary>
    /// <param name="outputGradient">[N, C, OH, OW].</param>
    /// <param name="inputGradient">[N, C, H, W].</param>
    /// <param name="g">The window geometry.</param>
    public static void AverageBackward(ReadOnlySpan<float> outputGradient, Span<float> inputGradient, in Pool2dGeometry g)
    {
        int planes = Check(inputGradient.Length, outputGradient.Length, g);
        inputGradient.Clear();
        int inPlane = g.InHeight * g.InWidth;
        float scale = 1f / (g.Kernel * g.Kernel);
        int o = 0;
        for (int p = 0; p < planes; p++)
        {
            Span<float> dst = inputGradient.Slice(p * inPlane, inPlane);
            for (int oh = 0; oh < g.OutHeight; oh++)
            {
                int h0 = Math.Max(0, (oh * g.Stride) - g.Padding);
                int h1 = Math.Min(g.InHeight, (oh * g.Stride) - g.Padding + g.Kernel);
                for (int ow = 0; ow < g.OutWidth; ow++, o++)
                {
                    int w0 = Math.Max(0, (ow * g.Stride) - g.Padding);
                    int w1 = Math.Min(g.InWidth, (ow * g.Stride) - g.Padding + g.Kernel);
                    float share = outputGradient[o] * scale;
                    for (int h = h0; h < h1; h++)
                    {
                        for (int w = w0; w < w1; w++)
                        {
                            dst[(h * g.InWidth) + w] += share;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Adaptive average pooling to outHeight×outWidth with PyTorch's bins [⌊i·H/o⌋, ⌈(i+1)·H/o⌉).</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="output">[N, C, outHeight, outWidth].</param>
    /// <param name="planes">N·C.</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <param name="outHeight">Output rows.</param>
    /// <param name="outWidth">Output columns.</param>
    public static void AdaptiveAverageForward(ReadOnlySpan<float> input, Span<float> output, int planes, int height, int width, int outHeight, int outWidth)
    {
        ActivationKernels.RequireSameLength(planes * height * width, input.Length, nameof(input));
        ActivationKernels.RequireSameLength(planes * outHeight * outWidth, output.Length, nameof(output));
        int o = 0;
        for (int p = 0; p < planes; p++)
        {
            ReadOnlySpan<float> src = input.Slice(p * height * width, height * width);
            for (int oh = 0; oh < outHeight; oh++)
            {
                int h0 = oh * height / outHeight;
                int h1 = (((oh + 1) * height) + outHeight - 1) / outHeight;
                for (int ow = 0; ow < outWidth; ow++, o++)
                {
                    int w0 = ow * width / outWidth;
                    int w1 = (((ow + 1) * width) + outWidth - 1) / outWidth;
                    float sum = 0;
                    for (int h = h0; h < h1; h++)
                    {
                        sum += VectorKernels.Sum(src.Slice((h * width) + w0, w1 - w0));
                    }

                    output[o] = sum / ((h1 - h0) * (w1 - w0));
                }
            }
        }
    }

    /// <summary>inputGradient (overwritten) = the adjoint of <see cref="AdaptiveAverageForward"/>.</summary>
    /// <param name="outputGradient">[N, C, outHeight, outWidth].</param>
    /// <param name="inputGradient">[N, C, H, W].</param>
    /// <param name="planes">N·C.</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <param name="outHeight">Output rows.</param>
    /// <param name="outWidth">Output columns.</param>
    public static void AdaptiveAverageBackward(ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int planes, int height, int width, int outHeight, int outWidth)
    {
        ActivationKernels.RequireSameLength(planes * height * width, inputGradient.Length, nameof(inputGradient));
        ActivationKernels.RequireSameLength(planes * outHeight * outWidth, outputGradient.Length, nameof(outputGradient));
        inputGradient.Clear();
        int o = 0;
        for (int p = 0; p < planes; p++)
        {
            Span<float> dst = inputGradient.Slice(p * height * width, height * width);
            for (int oh = 0; oh < outHeight; oh++)
            {
                int h0 = oh * height / outHeight;
                int h1 = (((oh + 1) * height) + outHeight - 1) / outHeight;
                for (int ow = 0; ow < outWidth; ow++, o++)
                {
                    int w0 = ow * width / outWidth;
                    int w1 = (((ow + 1) * width) + outWidth - 1) / outWidth;
                    float share = outputGradient[o] / ((h1 - h0) * (w1 - w0));
                    for (int h = h0; h < h1; h++)
                    {
                        VectorKernels.AddScalar(dst.Slice((h * width) + w0, w1 - w0), share, dst.Slice((h * width) + w0, w1 - w0));
                    }
                }
            }
        }
    }

    // The LeNet case (2×2, stride 2, no padding) without the general window bounds.
    private static unsafe void MaxForward2x2(ReadOnlySpan<float> input, Span<float> output, Span<int> argmax, int planes, in Pool2dGeometry g)
    {
        int w = g.InWidth;
        int inPlane = g.InHeight * w;
        fixed (float* xBase = input)
        fixed (float* yBase = output)
        fixed (int* aBase = argmax)
        {
            float* y = yBase;
            int* a = aBase;
            for (int p = 0; p < planes; p++)
            {
                float* x = xBase + ((long)p * inPlane);
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    int top = 2 * oh * w;
                    for (int ow = 0; ow < g.OutWidth; ow++)
                    {
                        int i = top + (2 * ow);

                        // Branch-free: the comparisons are data-dependent and would mispredict half the time.
                        float x00 = x[i], x01 = x[i + 1], x10 = x[i + w], x11 = x[i + w + 1];
                        int top2 = i + (x01 > x00 ? 1 : 0);
                        float topMax = MathF.Max(x00, x01);
                        int bottom2 = i + w + (x11 > x10 ? 1 : 0);
                        float bottomMax = MathF.Max(x10, x11);
                        int best = top2 + ((bottomMax > topMax ? 1 : 0) * (bottom2 - top2));
                        float max = MathF.Max(topMax, bottomMax);
                        *y++ = max;
                        *a++ = best;
                    }
                }
            }
        }
    }

    private static int Check(int inputLength, int outputLength, in Pool2dGeometry g)
    {
        g.Validate();
        int planes = g.Batch * g.Channels;
        ActivationKernels.RequireSameLength(planes * g.InHeight * g.InWidth, inputLength, "input");
        ActivationKernels.RequireSameLength(planes * g.OutHeight * g.OutWidth, outputLength, "output");
        return planes;
    }
}
