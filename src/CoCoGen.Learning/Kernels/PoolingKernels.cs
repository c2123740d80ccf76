using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
            MaxForward2x2(input, output, argmax, planes, g, Avx512F.IsSupported ? 16 : Avx2.IsSupported ? 8 : 1);
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

    /// <summary>The 2×2 stride-2 max pool with at most <paramref name="widest"/> windows per step (16: Vector512, 8: Vector256, 1: scalar), so tests reach every path.</summary>
    internal static void MaxForward2x2(ReadOnlySpan<float> input, Span<float> output, Span<int> argmax, in Pool2dGeometry g, int widest)
    {
        int planes = Check(input.Length, output.Length, g);
        ActivationKernels.RequireSameLength(output.Length, argmax.Length, nameof(argmax));
        if (g.Kernel != 2 || g.Stride != 2 || g.Padding != 0)
        {
            throw new ArgumentException("The 2×2 kernel needs kernel 2, stride 2, no padding.", nameof(g));
        }

        MaxForward2x2(input, output, argmax, planes, g, widest);
    }

    // The LeNet case (2×2, stride 2, no padding) without the general window bounds.
    private static unsafe void MaxForward2x2(ReadOnlySpan<float> input, Span<float> output, Span<int> argmax, int planes, in Pool2dGeometry g, int widest)
    {
        int w = g.InWidth;
        int outWidth = g.OutWidth;
        int inPlane = g.InHeight * w;
        bool vectorize = widest >= 16 && Avx512F.IsSupported;
        bool vectorize256 = widest >= 8 && Avx2.IsSupported;
        fixed (float* xBase = input)
        fixed (float* yBase = output)
        fixed (int* aBase = argmax)
        {
            for (int p = 0; p < planes; p++)
            {
                long plane = (long)p * inPlane;
                float* x = xBase + plane;
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    int top = 2 * oh * w;
                    long o = (((long)p * g.OutHeight) + oh) * outWidth;
                    int ow = 0;

                    // Sixteen windows per step. A step may read past the row pair and write past the output row
                    // (narrow maps such as 14 or 5 windows); the extra outputs are rewritten by the steps after it,
                    // and a step whose reads or writes would leave the spans falls to the scalar loop.
                    for (; vectorize && ow < outWidth; ow += Vector512<float>.Count)
                    {
                        if (plane + top + w + (2 * ow) + (2 * Vector512<float>.Count) > input.Length
                            || o + ow + Vector512<float>.Count > output.Length)
                        {
                            break;
                        }

                        MaxWindows16(x + top + (2 * ow), w, top + (2 * ow), yBase + o + ow, aBase + o + ow);
                    }

                    // Eight windows per step on AVX2 machines (and for the tail of a 16-window row), same bounds rule.
                    for (; vectorize256 && ow < outWidth; ow += Vector256<float>.Count)
                    {
                        if (plane + top + w + (2 * ow) + (2 * Vector256<float>.Count) > input.Length
                            || o + ow + Vector256<float>.Count > output.Length)
                        {
                            break;
                        }

                        MaxWindows8(x + top + (2 * ow), w, top + (2 * ow), yBase + o + ow, aBase + o + ow);
                    }

                    for (; ow < outWidth; ow++)
                    {
                        int i = top + (2 * ow);

                        // Branch-free: the comparisons are data-dependent and would mispredict half the time.
                        float x00 = x[i], x01 = x[i + 1], x10 = x[i + w], x11 = x[i + w + 1];
                        int top2 = i + (x01 > x00 ? 1 : 0);
                        float topMax = MathF.Max(x00, x01);
                        int bottom2 = i + w + (x11 > x10 ? 1 : 0);
                        float bottomMax = MathF.Max(x10, x11);
                        int best = top2 + ((bottomMax > topMax ? 1 : 0) * (bottom2 - top2));
                        yBase[o + ow] = MathF.Max(topMax, bottomMax);
                        aBase[o + ow] = best;
                    }
                }
            }
        }
    }

    // The same decisions as the scalar 2×2 loop for sixteen adjacent windows: the top and bottom row pairs are
    // split into even and odd columns, and a mask's all-ones lanes (-1) step an index to the odd column.
    private static unsafe void MaxWindows16(float* x, int w, int index, float* y, int* a)
    {
        Vector512<int> even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        Vector512<int> odd = even + Vector512<int>.One;
        Vector512<float> t0 = Vector512.Load(x), t1 = Vector512.Load(x + 16);
        Vector512<float> b0 = Vector512.Load(x + w), b1 = Vector512.Load(x + w + 16);
        Vector512<float> x00 = Avx512F.PermuteVar16x32x2(t0, even, t1), x01 = Avx512F.PermuteVar16x32x2(t0, odd, t1);
        Vector512<float> x10 = Avx512F.PermuteVar16x32x2(b0, even, b1), x11 = Avx512F.PermuteVar16x32x2(b0, odd, b1);
        Vector512<int> i = Vector512.Create(index) + even;
        Vector512<int> top2 = i - Vector512.GreaterThan(x01, x00).AsInt32();
        Vector512<float> topMax = Vector512.Max(x00, x01);
        Vector512<int> bottom2 = i + Vector512.Create(w) - Vector512.GreaterThan(x11, x10).AsInt32();
        Vector512<float> bottomMax = Vector512.Max(x10, x11);
        Vector512.ConditionalSelect(Vector512.GreaterThan(bottomMax, topMax).AsInt32(), bottom2, top2).Store(a);
        Vector512.Max(topMax, bottomMax).Store(y);
    }

    // MaxWindows16 on Vector256: vshufps picks the even (odd) columns of two vectors per 128-bit lane and
    // vpermpd puts the four 64-bit pairs back in column order.
    private static unsafe void MaxWindows8(float* x, int w, int index, float* y, int* a)
    {
        Vector256<int> even = Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14);
        Vector256<float> t0 = Vector256.Load(x), t1 = Vector256.Load(x + 8);
        Vector256<float> b0 = Vector256.Load(x + w), b1 = Vector256.Load(x + w + 8);
        Vector256<float> x00 = Columns(t0, t1, 0b10_00_10_00), x01 = Columns(t0, t1, 0b11_01_11_01);
        Vector256<float> x10 = Columns(b0, b1, 0b10_00_10_00), x11 = Columns(b0, b1, 0b11_01_11_01);
        Vector256<int> i = Vector256.Create(index) + even;
        Vector256<int> top2 = i - Vector256.GreaterThan(x01, x00).AsInt32();
        Vector256<float> topMax = Vector256.Max(x00, x01);
        Vector256<int> bottom2 = i + Vector256.Create(w) - Vector256.GreaterThan(x11, x10).AsInt32();
        Vector256<float> bottomMax = Vector256.Max(x10, x11);
        Vector256.ConditionalSelect(Vector256.GreaterThan(bottomMax, topMax).AsInt32(), bottom2, top2).Store(a);
        Vector256.Max(topMax, bottomMax).Store(y);
    }

    private static Vector256<float> Columns(Vector256<float> low, Vector256<float> high, [System.Diagnostics.CodeAnalysis.ConstantExpected] byte control)
        => Avx2.Permute4x64(Avx.Shuffle(low, high, control).AsDouble(), 0b11_01_10_00).AsSingle();

    private static int Check(int inputLength, int outputLength, in Pool2dGeometry g)
    {
        g.Validate();
        int planes = g.Batch * g.Channels;
        ActivationKernels.RequireSameLength(planes * g.InHeight * g.InWidth, inputLength, "input");
        ActivationKernels.RequireSameLength(planes * g.OutHeight * g.OutWidth, outputLength, "output");
        return planes;
    }
}
