using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// Direct stride-1 convolution for layers with few input channels and output rows of 17 to 32 pixels
/// (LeNet's first layer): each output row is two Vector512 registers (four Vector256 ones on AVX2) accumulating
/// every tap, with the input copied once into a zero-padded buffer so no tap needs a bounds check. For such
/// layers im2col would write and pack a K-times larger matrix than the input for a product with only a handful
/// of rows. Without 256-bit vectors the im2col path serves these layers.
/// </summary>
public static unsafe class DirectConvolution
{
    private const int RowLanes = 32;
    private const int MaxPatch = 75;

    [ThreadStatic]
    private static float[]? t_padded;

    [ThreadStatic]
    private static float[]? t_gradientRows;

    // The widest row step this processor runs: 16 (Vector512), 8 (Vector256) or 0 (neither: not supported).
    private static readonly int s_widest = Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 0;

    /// <summary>True when the geometry suits this kernel on this processor.</summary>
    /// <param name="g">The convolution.</param>
    public static bool Supports(in Conv2dGeometry g) => s_widest > 0 && SupportsGeometry(g);

    // Every path indexes the taps as k × k, so a non-square kernel must go elsewhere.
    private static bool SupportsGeometry(in Conv2dGeometry g)
        => g.Groups == 1 && g.Stride == 1 && g.KernelHeight == g.KernelWidth && g.PatchSize <= MaxPatch && g.OutWidth > 16 && g.OutWidth <= RowLanes;

    /// <summary>output = conv(input, weight) for the samples of the geometry (no bias).</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="weight">[O, C, k, k].</param>
    /// <param name="output">[N, O, OH, OW], overwritten.</param>
    /// <param name="g">A supported geometry.</param>
    public static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, Span<float> output, in Conv2dGeometry g)
        => Forward(input, weight, output, g, s_widest);

    /// <summary>As <see cref="Forward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, in Conv2dGeometry)"/> with rows in Vector512 (<paramref name="widest"/> 16) or Vector256 (8) steps, so tests reach both paths.</summary>
    internal static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, Span<float> output, in Conv2dGeometry g, int widest)
    {
        Check(input.Length, weight.Length, output.Length, g, widest);
        int paddedWidth = g.InWidth + (2 * g.Padding);
        int paddedPlane = (g.InHeight + (2 * g.Padding)) * paddedWidth;
        int inSample = g.InChannels * g.InHeight * g.InWidth;
        int outPlane = g.OutHeight * g.OutWidth;
        float* tail = stackalloc float[16];
        fixed (float* w = weight)
        fixed (float* yBase = output)
        {
            for (int n = 0; n < g.Batch; n++)
            {
                fixed (float* pad = Pad(input.Slice(n * inSample, inSample), g))
                {
                    float* y = yBase + ((long)n * g.OutChannels * outPlane);
                    int o = 0;
                    if (widest == 8)
                    {
                        for (; o + 2 <= g.OutChannels; o += 2)
                        {
                            ForwardTwoChannels256(pad, w, y, o, g, paddedWidth, paddedPlane, tail);
                        }

                        for (; o < g.OutChannels; o++)
                        {
                            ForwardOneChannel256(pad, w, y, o, g, paddedWidth, paddedPlane, tail);
                        }

                        continue;
                    }

                    for (; o + 3 <= g.OutChannels; o += 3)
                    {
                        ForwardThreeChannels(pad, w, y, o, g, paddedWidth, paddedPlane, tail);
                    }

                    for (; o < g.OutChannels; o++)
                    {
                        ForwardOneChannel(pad, w, y, o, g, paddedWidth, paddedPlane, tail);
                    }
                }
            }
        }
    }

    // Three output channels share every input load; six accumulators cover the FMA latency.
    private static void ForwardThreeChannels(float* pad, float* w, float* y, int o, in Conv2dGeometry g, int paddedWidth, int paddedPlane, float* tail)
    {
        int k = g.KernelHeight;
        int channelTaps = g.InChannels * k * k;
        int outPlane = g.OutHeight * g.OutWidth;
        for (int oh = 0; oh < g.OutHeight; oh++)
        {
            Vector512<float> a0 = Vector512<float>.Zero, a1 = Vector512<float>.Zero;
            Vector512<float> b0 = Vector512<float>.Zero, b1 = Vector512<float>.Zero;
            Vector512<float> c0 = Vector512<float>.Zero, c1 = Vector512<float>.Zero;
            for (int c = 0; c < g.InChannels; c++)
            {
                float* taps = w + (o * channelTaps) + (c * k * k);
                float* rows = pad + (c * paddedPlane) + (oh * paddedWidth);
                for (int kh = 0; kh < k; kh++, taps += k, rows += paddedWidth)
                {
                    for (int kw = 0; kw < k; kw++)
                    {
                        Vector512<float> x0 = Vector512.Load(rows + kw);
                        Vector512<float> x1 = Vector512.Load(rows + kw + 16);
                        Vector512<float> ta = Vector512.Create(taps[kw]);
                        Vector512<float> tb = Vector512.Create(taps[channelTaps + kw]);
                        Vector512<float> tc = Vector512.Create(taps[(2 * channelTaps) + kw]);
                        a0 = Vector512.FusedMultiplyAdd(ta, x0, a0);
                        a1 = Vector512.FusedMultiplyAdd(ta, x1, a1);
                        b0 = Vector512.FusedMultiplyAdd(tb, x0, b0);
                        b1 = Vector512.FusedMultiplyAdd(tb, x1, b1);
                        c0 = Vector512.FusedMultiplyAdd(tc, x0, c0);
                        c1 = Vector512.FusedMultiplyAdd(tc, x1, c1);
                    }
                }
            }

            float* outRow = y + (o * outPlane) + (oh * g.OutWidth);
            StoreRow(outRow, a0, a1, g.OutWidth, tail);
            StoreRow(outRow + outPlane, b0, b1, g.OutWidth, tail);
            StoreRow(outRow + (2 * outPlane), c0, c1, g.OutWidth, tail);
        }
    }

    private static void ForwardOneChannel(float* pad, float* w, float* y, int o, in Conv2dGeometry g, int paddedWidth, int paddedPlane, float* tail)
    {
        int k = g.KernelHeight;
        int outPlane = g.OutHeight * g.OutWidth;
        for (int oh = 0; oh < g.OutHeight; oh++)
        {
            Vector512<float> acc0 = Vector512<float>.Zero;
            Vector512<float> acc1 = Vector512<float>.Zero;
            for (int c = 0; c < g.InChannels; c++)
            {
                float* taps = w + ((((o * g.InChannels) + c) * k) * k);
                float* rows = pad + (c * paddedPlane) + (oh * paddedWidth);
                for (int kh = 0; kh < k; kh++, taps += k, rows += paddedWidth)
                {
                    for (int kw = 0; kw < k; kw++)
                    {
                        Vector512<float> tap = Vector512.Create(taps[kw]);
                        acc0 = Vector512.FusedMultiplyAdd(tap, Vector512.Load(rows + kw), acc0);
                        acc1 = Vector512.FusedMultiplyAdd(tap, Vector512.Load(rows + kw + 16), acc1);
                    }
                }
            }

            StoreRow(y + (o * outPlane) + (oh * g.OutWidth), acc0, acc1, g.OutWidth, tail);
        }
    }

    // Lanes 0–15 go straight out; the second register holds OutWidth − 16 valid lanes.
    private static void StoreRow(float* row, Vector512<float> low, Vector512<float> high, int width, float* tail)
    {
        low.Store(row);
        high.Store(tail);
        for (int i = 16; i < width; i++)
        {
            row[i] = tail[i - 16];
        }
    }

    /// <summary>weightGradient += Σ over samples and pixels of outputGradient · input patch.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="outputGradient">[N, O, OH, OW].</param>
    /// <param name="weightGradient">[O, C, k, k], accumulated.</param>
    /// <param name="g">A supported geometry.</param>
    public static void BackwardFilter(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> weightGradient, in Conv2dGeometry g)
        => BackwardFilter(input, outputGradient, weightGradient, g, s_widest);

    /// <summary>As <see cref="BackwardFilter(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, in Conv2dGeometry)"/> in Vector512 (<paramref name="widest"/> 16) or Vector256 (8) steps, so tests reach both paths.</summary>
    internal static void BackwardFilter(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> weightGradient, in Conv2dGeometry g, int widest)
    {
        Check(input.Length, weightGradient.Length, outputGradient.Length, g, widest);
        int paddedWidth = g.InWidth + (2 * g.Padding);
        int paddedPlane = (g.InHeight + (2 * g.Padding)) * paddedWidth;
        int inSample = g.InChannels * g.InHeight * g.InWidth;
        int outPlane = g.OutHeight * g.OutWidth;

        // Gradient rows widened to 32 lanes with zeros, so the lanes past the row contribute nothing.
        int gradientLength = g.OutChannels * g.OutHeight * RowLanes;
        if (t_gradientRows is null || t_gradientRows.Length < gradientLength)
        {
            t_gradientRows = GC.AllocateUninitializedArray<float>(gradientLength, pinned: true);
        }

        float[] rowsBuffer = t_gradientRows;
        fixed (float* dwBase = weightGradient)
        fixed (float* dyRows = rowsBuffer)
        {
            for (int n = 0; n < g.Batch; n++)
            {
                ReadOnlySpan<float> dy = outputGradient.Slice(n * g.OutChannels * outPlane, g.OutChannels * outPlane);
                for (int r = 0; r < g.OutChannels * g.OutHeight; r++)
                {
                    Span<float> wide = rowsBuffer.AsSpan(r * RowLanes, RowLanes);
                    dy.Slice(r * g.OutWidth, g.OutWidth).CopyTo(wide);
                    wide[g.OutWidth..].Clear();
                }

                fixed (float* pad = Pad(input.Slice(n * inSample, inSample), g))
                {
                    int o = 0;
                    if (widest == 8)
                    {
                        if (g.KernelHeight == 5 && g.KernelWidth == 5)
                        {
                            for (; o + 2 <= g.OutChannels; o += 2)
                            {
                                FilterTwoChannelsFiveTaps256(pad, dyRows, dwBase, o, g, paddedWidth, paddedPlane);
                            }
                        }

                        for (; o < g.OutChannels; o++)
                        {
                            FilterOneChannel256(pad, dyRows, dwBase, o, g, paddedWidth, paddedPlane);
                        }

                        continue;
                    }

                    if (g.KernelHeight == 5 && g.KernelWidth == 5)
                    {
                        for (; o + 2 <= g.OutChannels; o += 2)
                        {
                            FilterTwoChannelsFiveTaps(pad, dyRows, dwBase, o, g, paddedWidth, paddedPlane);
                        }
                    }

                    for (; o + 3 <= g.OutChannels; o += 3)
                    {
                        FilterThreeChannels(pad, dyRows, dwBase, o, g, paddedWidth, paddedPlane);
                    }

                    for (; o < g.OutChannels; o++)
                    {
                        FilterOneChannel(pad, dyRows, dwBase, o, g, paddedWidth, paddedPlane);
                    }
                }
            }
        }
    }

    // Five horizontal taps of two output channels per pass: each gradient row is loaded once for all five taps
    // (20 accumulators, 4 gradient and 2 input registers), where the per-tap loop reloads it five times.
    private static void FilterTwoChannelsFiveTaps(float* pad, float* dyRows, float* dwBase, int o, in Conv2dGeometry g, int paddedWidth, int paddedPlane)
    {
        int channelTaps = g.InChannels * 25;
        int gradientPlane = g.OutHeight * RowLanes;
        for (int c = 0; c < g.InChannels; c++)
        {
            for (int kh = 0; kh < 5; kh++)
            {
                Vector512<float> a00 = Vector512<float>.Zero, a01 = Vector512<float>.Zero, b00 = Vector512<float>.Zero, b01 = Vector512<float>.Zero;
                Vector512<float> a10 = Vector512<float>.Zero, a11 = Vector512<float>.Zero, b10 = Vector512<float>.Zero, b11 = Vector512<float>.Zero;
                Vector512<float> a20 = Vector512<float>.Zero, a21 = Vector512<float>.Zero, b20 = Vector512<float>.Zero, b21 = Vector512<float>.Zero;
                Vector512<float> a30 = Vector512<float>.Zero, a31 = Vector512<float>.Zero, b30 = Vector512<float>.Zero, b31 = Vector512<float>.Zero;
                Vector512<float> a40 = Vector512<float>.Zero, a41 = Vector512<float>.Zero, b40 = Vector512<float>.Zero, b41 = Vector512<float>.Zero;
                float* grad = dyRows + (o * gradientPlane);
                float* rows = pad + (c * paddedPlane) + (kh * paddedWidth);
                for (int oh = 0; oh < g.OutHeight; oh++, grad += RowLanes, rows += paddedWidth)
                {
                    Vector512<float> ga0 = Vector512.Load(grad), ga1 = Vector512.Load(grad + 16);
                    Vector512<float> gb0 = Vector512.Load(grad + gradientPlane), gb1 = Vector512.Load(grad + gradientPlane + 16);
                    Vector512<float> x00 = Vector512.Load(rows + 0), x01 = Vector512.Load(rows + 16);
                    a00 = Vector512.FusedMultiplyAdd(ga0, x00, a00);
                    a01 = Vector512.FusedMultiplyAdd(ga1, x01, a01);
                    b00 = Vector512.FusedMultiplyAdd(gb0, x00, b00);
                    b01 = Vector512.FusedMultiplyAdd(gb1, x01, b01);
                    Vector512<float> x10 = Vector512.Load(rows + 1), x11 = Vector512.Load(rows + 17);
                    a10 = Vector512.FusedMultiplyAdd(ga0, x10, a10);
                    a11 = Vector512.FusedMultiplyAdd(ga1, x11, a11);
                    b10 = Vector512.FusedMultiplyAdd(gb0, x10, b10);
                    b11 = Vector512.FusedMultiplyAdd(gb1, x11, b11);
                    Vector512<float> x20 = Vector512.Load(rows + 2), x21 = Vector512.Load(rows + 18);
                    a20 = Vector512.FusedMultiplyAdd(ga0, x20, a20);
                    a21 = Vector512.FusedMultiplyAdd(ga1, x21, a21);
                    b20 = Vector512.FusedMultiplyAdd(gb0, x20, b20);
                    b21 = Vector512.FusedMultiplyAdd(gb1, x21, b21);
                    Vector512<float> x30 = Vector512.Load(rows + 3), x31 = Vector512.Load(rows + 19);
                    a30 = Vector512.FusedMultiplyAdd(ga0, x30, a30);
                    a31 = Vector512.FusedMultiplyAdd(ga1, x31, a31);
                    b30 = Vector512.FusedMultiplyAdd(gb0, x30, b30);
                    b31 = Vector512.FusedMultiplyAdd(gb1, x31, b31);
                    Vector512<float> x40 = Vector512.Load(rows + 4), x41 = Vector512.Load(rows + 20);
                    a40 = Vector512.FusedMultiplyAdd(ga0, x40, a40);
                    a41 = Vector512.FusedMultiplyAdd(ga1, x41, a41);
                    b40 = Vector512.FusedMultiplyAdd(gb0, x40, b40);
                    b41 = Vector512.FusedMultiplyAdd(gb1, x41, b41);
                }

                float* dw = dwBase + (o * channelTaps) + (((c * 5) + kh) * 5);
                dw[0] += Vector512.Sum(a00 + a01);
                dw[channelTaps + 0] += Vector512.Sum(b00 + b01);
                dw[1] += Vector512.Sum(a10 + a11);
                dw[channelTaps + 1] += Vector512.Sum(b10 + b11);
                dw[2] += Vector512.Sum(a20 + a21);
                dw[channelTaps + 2] += Vector512.Sum(b20 + b21);
                dw[3] += Vector512.Sum(a30 + a31);
                dw[channelTaps + 3] += Vector512.Sum(b30 + b31);
                dw[4] += Vector512.Sum(a40 + a41);
                dw[channelTaps + 4] += Vector512.Sum(b40 + b41);
            }
        }
    }

    // Three output channels share each input row load.
    private static void FilterThreeChannels(float* pad, float* dyRows, float* dwBase, int o, in Conv2dGeometry g, int paddedWidth, int paddedPlane)
    {
        int k = g.KernelHeight;
        int channelTaps = g.InChannels * k * k;
        int gradientPlane = g.OutHeight * RowLanes;
        float* dw = dwBase + (o * channelTaps);
        for (int c = 0; c < g.InChannels; c++)
        {
            for (int kh = 0; kh < k; kh++)
            {
                for (int kw = 0; kw < k; kw++, dw++)
                {
                    Vector512<float> a0 = Vector512<float>.Zero, a1 = Vector512<float>.Zero;
                    Vector512<float> b0 = Vector512<float>.Zero, b1 = Vector512<float>.Zero;
                    Vector512<float> c0 = Vector512<float>.Zero, c1 = Vector512<float>.Zero;
                    float* grad = dyRows + (o * gradientPlane);
                    float* rows = pad + (c * paddedPlane) + (kh * paddedWidth) + kw;
                    for (int oh = 0; oh < g.OutHeight; oh++, grad += RowLanes, rows += paddedWidth)
                    {
                        Vector512<float> x0 = Vector512.Load(rows);
                        Vector512<float> x1 = Vector512.Load(rows + 16);
                        a0 = Vector512.FusedMultiplyAdd(Vector512.Load(grad), x0, a0);
                        a1 = Vector512.FusedMultiplyAdd(Vector512.Load(grad + 16), x1, a1);
                        b0 = Vector512.FusedMultiplyAdd(Vector512.Load(grad + gradientPlane), x0, b0);
                        b1 = Vector512.FusedMultiplyAdd(Vector512.Load(grad + gradientPlane + 16), x1, b1);
                        c0 = Vector512.FusedMultiplyAdd(Vector512.Load(grad + (2 * gradientPlane)), x0, c0);
                        c1 = Vector512.FusedMultiplyAdd(Vector512.Load(grad + (2 * gradientPlane) + 16), x1, c1);
                    }

                    dw[0] += Vector512.Sum(a0 + a1);
                    dw[channelTaps] += Vector512.Sum(b0 + b1);
                    dw[2 * channelTaps] += Vector512.Sum(c0 + c1);
                }
            }
        }
    }

    private static void FilterOneChannel(float* pad, float* dyRows, float* dwBase, int o, in Conv2dGeometry g, int paddedWidth, int paddedPlane)
    {
        int k = g.KernelHeight;
        float* dw = dwBase + (o * g.InChannels * k * k);
        for (int c = 0; c < g.InChannels; c++)
        {
            for (int kh = 0; kh < k; kh++)
            {
                for (int kw = 0; kw < k; kw++, dw++)
                {
                    Vector512<float> acc0 = Vector512<float>.Zero;
                    Vector512<float> acc1 = Vector512<float>.Zero;
                    float* grad = dyRows + (o * g.OutHeight * RowLanes);
                    float* rows = pad + (c * paddedPlane) + (kh * paddedWidth) + kw;
                    for (int oh = 0; oh < g.OutHeight; oh++, grad += RowLanes, rows += paddedWidth)
                    {
                        acc0 = Vector512.FusedMultiplyAdd(Vector512.Load(grad), Vector512.Load(rows), acc0);
                        acc1 = Vector512.FusedMultiplyAdd(Vector512.Load(grad + 16), Vector512.Load(rows + 16), acc1);
                    }

                    *dw += Vector512.Sum(acc0 + acc1);
                }
            }
        }
    }

    // AVX2: a row is four Vector256 registers; two output channels share every input load, and their eight
    // accumulators cover the FMA latency within the sixteen ymm registers.
    private static void ForwardTwoChannels256(float* pad, float* w, float* y, int o, in Conv2dGeometry g, int paddedWidth, int paddedPlane, float* tail)
    {
        int k = g.KernelHeight;
        int channelTaps = g.InChannels * k * k;
        int outPlane = g.OutHeight * g.OutWidth;
        for (int oh = 0; oh < g.OutHeight; oh++)
        {
            Vector256<float> a0 = Vector256<float>.Zero, a1 = Vector256<float>.Zero, a2 = Vector256<float>.Zero, a3 = Vector256<float>.Zero;
            Vector256<float> b0 = Vector256<float>.Zero, b1 = Vector256<float>.Zero, b2 = Vector256<float>.Zero, b3 = Vector256<float>.Zero;
            for (int c = 0; c < g.InChannels; c++)
            {
                float* taps = w + (o * channelTaps) + (c * k * k);
                float* rows = pad + (c * paddedPlane) + (oh * paddedWidth);
                for (int kh = 0; kh < k; kh++, taps += k, rows += paddedWidth)
                {
                    for (int kw = 0; kw < k; kw++)
                    {
                        Vector256<float> ta = Vector256.Create(taps[kw]);
                        Vector256<float> tb = Vector256.Create(taps[channelTaps + kw]);
                        Vector256<float> x0 = Vector256.Load(rows + kw);
                        a0 = Vector256.FusedMultiplyAdd(ta, x0, a0);
                        b0 = Vector256.FusedMultiplyAdd(tb, x0, b0);
                        Vector256<float> x1 = Vector256.Load(rows + kw + 8);
                        a1 = Vector256.FusedMultiplyAdd(ta, x1, a1);
                        b1 = Vector256.FusedMultiplyAdd(tb, x1, b1);
                        Vector256<float> x2 = Vector256.Load(rows + kw + 16);
                        a2 = Vector256.FusedMultiplyAdd(ta, x2, a2);
                        b2 = Vector256.FusedMultiplyAdd(tb, x2, b2);
                        Vector256<float> x3 = Vector256.Load(rows + kw + 24);
                        a3 = Vector256.FusedMultiplyAdd(ta, x3, a3);
                        b3 = Vector256.FusedMultiplyAdd(tb, x3, b3);
                    }
                }
            }

            float* outRow = y + (o * outPlane) + (oh * g.OutWidth);
            StoreRow(outRow, a0, a1, a2, a3, g.OutWidth, tail);
            StoreRow(outRow + outPlane, b0, b1, b2, b3, g.OutWidth, tail);
        }
    }

    private static void ForwardOneChannel256(float* pad, float* w, float* y, int o, in Conv2dGeometry g, int paddedWidth, int paddedPlane, float* tail)
    {
        int k = g.KernelHeight;
        int outPlane = g.OutHeight * g.OutWidth;
        for (int oh = 0; oh < g.OutHeight; oh++)
        {
            Vector256<float> a0 = Vector256<float>.Zero, a1 = Vector256<float>.Zero, a2 = Vector256<float>.Zero, a3 = Vector256<float>.Zero;
            for (int c = 0; c < g.InChannels; c++)
            {
                float* taps = w + ((((o * g.InChannels) + c) * k) * k);
                float* rows = pad + (c * paddedPlane) + (oh * paddedWidth);
                for (int kh = 0; kh < k; kh++, taps += k, rows += paddedWidth)
                {
                    for (int kw = 0; kw < k; kw++)
                    {
                        Vector256<float> tap = Vector256.Create(taps[kw]);
                        a0 = Vector256.FusedMultiplyAdd(tap, Vector256.Load(rows + kw), a0);
                        a1 = Vector256.FusedMultiplyAdd(tap, Vector256.Load(rows + kw + 8), a1);
                        a2 = Vector256.FusedMultiplyAdd(tap, Vector256.Load(rows + kw + 16), a2);
                        a3 = Vector256.FusedMultiplyAdd(tap, Vector256.Load(rows + kw + 24), a3);
                    }
                }
            }

            StoreRow(y + (o * outPlane) + (oh * g.OutWidth), a0, a1, a2, a3, g.OutWidth, tail);
        }
    }

    // Lanes 0–15 go straight out; the last two registers hold OutWidth − 16 valid lanes.
    private static void StoreRow(float* row, Vector256<float> s0, Vector256<float> s1, Vector256<float> s2, Vector256<float> s3, int width, float* tail)
    {
        s0.Store(row);
        s1.Store(row + 8);
        s2.Store(tail);
        s3.Store(tail + 8);
        for (int i = 16; i < width; i++)
        {
            row[i] = tail[i - 16];
        }
    }

    // AVX2: five horizontal taps of two output channels; each tap sums its products over the row's four
    // segments in one accumulator (ten in all, beside two gradient and one input register), so each gradient
    // segment is loaded once for the five taps.
    private static void FilterTwoChannelsFiveTaps256(float* pad, float* dyRows, float* dwBase, int o, in Conv2dGeometry g, int paddedWidth, int paddedPlane)
    {
        int channelTaps = g.InChannels * 25;
        int gradientPlane = g.OutHeight * RowLanes;
        for (int c = 0; c < g.InChannels; c++)
        {
            for (int kh = 0; kh < 5; kh++)
            {
                Vector256<float> a0 = Vector256<float>.Zero, a1 = Vector256<float>.Zero, a2 = Vector256<float>.Zero, a3 = Vector256<float>.Zero, a4 = Vector256<float>.Zero;
                Vector256<float> b0 = Vector256<float>.Zero, b1 = Vector256<float>.Zero, b2 = Vector256<float>.Zero, b3 = Vector256<float>.Zero, b4 = Vector256<float>.Zero;
                float* grad = dyRows + (o * gradientPlane);
                float* rows = pad + (c * paddedPlane) + (kh * paddedWidth);
                for (int oh = 0; oh < g.OutHeight; oh++, grad += RowLanes, rows += paddedWidth)
                {
                    for (int s = 0; s < RowLanes; s += 8)
                    {
                        Vector256<float> ga = Vector256.Load(grad + s);
                        Vector256<float> gb = Vector256.Load(grad + gradientPlane + s);
                        Vector256<float> x0 = Vector256.Load(rows + s);
                        a0 = Vector256.FusedMultiplyAdd(ga, x0, a0);
                        b0 = Vector256.FusedMultiplyAdd(gb, x0, b0);
                        Vector256<float> x1 = Vector256.Load(rows + s + 1);
                        a1 = Vector256.FusedMultiplyAdd(ga, x1, a1);
                        b1 = Vector256.FusedMultiplyAdd(gb, x1, b1);
                        Vector256<float> x2 = Vector256.Load(rows + s + 2);
                        a2 = Vector256.FusedMultiplyAdd(ga, x2, a2);
                        b2 = Vector256.FusedMultiplyAdd(gb, x2, b2);
                        Vector256<float> x3 = Vector256.Load(rows + s + 3);
                        a3 = Vector256.FusedMultiplyAdd(ga, x3, a3);
                        b3 = Vector256.FusedMultiplyAdd(gb, x3, b3);
                        Vector256<float> x4 = Vector256.Load(rows + s + 4);
                        a4 = Vector256.FusedMultiplyAdd(ga, x4, a4);
                        b4 = Vector256.FusedMultiplyAdd(gb, x4, b4);
                    }
                }

                float* dw = dwBase + (o * channelTaps) + (((c * 5) + kh) * 5);
                dw[0] += Vector256.Sum(a0);
                dw[channelTaps + 0] += Vector256.Sum(b0);
                dw[1] += Vector256.Sum(a1);
                dw[channelTaps + 1] += Vector256.Sum(b1);
                dw[2] += Vector256.Sum(a2);
                dw[channelTaps + 2] += Vector256.Sum(b2);
                dw[3] += Vector256.Sum(a3);
                dw[channelTaps + 3] += Vector256.Sum(b3);
                dw[4] += Vector256.Sum(a4);
                dw[channelTaps + 4] += Vector256.Sum(b4);
            }
        }
    }

    private static void FilterOneChannel256(float* pad, float* dyRows, float* dwBase, int o, in Conv2dGeometry g, int paddedWidth, int paddedPlane)
    {
        int k = g.KernelHeight;
        float* dw = dwBase + (o * g.InChannels * k * k);
        for (int c = 0; c < g.InChannels; c++)
        {
            for (int kh = 0; kh < k; kh++)
            {
                for (int kw = 0; kw < k; kw++, dw++)
                {
                    Vector256<float> acc0 = Vector256<float>.Zero, acc1 = Vector256<float>.Zero;
                    Vector256<float> acc2 = Vector256<float>.Zero, acc3 = Vector256<float>.Zero;
                    float* grad = dyRows + (o * g.OutHeight * RowLanes);
                    float* rows = pad + (c * paddedPlane) + (kh * paddedWidth) + kw;
                    for (int oh = 0; oh < g.OutHeight; oh++, grad += RowLanes, rows += paddedWidth)
                    {
                        acc0 = Vector256.FusedMultiplyAdd(Vector256.Load(grad), Vector256.Load(rows), acc0);
                        acc1 = Vector256.FusedMultiplyAdd(Vector256.Load(grad + 8), Vector256.Load(rows + 8), acc1);
                        acc2 = Vector256.FusedMultiplyAdd(Vector256.Load(grad + 16), Vector256.Load(rows + 16), acc2);
                        acc3 = Vector256.FusedMultiplyAdd(Vector256.Load(grad + 24), Vector256.Load(rows + 24), acc3);
                    }

                    *dw += Vector256.Sum((acc0 + acc1) + (acc2 + acc3));
                }
            }
        }
    }

    // Copies one sample into the thread's zero-bordered buffer; the slack after it absorbs the over-reads
    // of the last row's upper lanes (which only ever meet zero gradient lanes or are discarded).
    private static float[] Pad(ReadOnlySpan<float> sample, in Conv2dGeometry g)
    {
        int paddedHeight = g.InHeight + (2 * g.Padding);
        int paddedWidth = g.InWidth + (2 * g.Padding);
        int length = (g.InChannels * paddedHeight * paddedWidth) + (2 * RowLanes) + g.KernelWidth;
        if (t_padded is null || t_padded.Length < length)
        {
            t_padded = GC.AllocateUninitializedArray<float>(length, pinned: true);
        }

        float[] padded = t_padded;
        padded.AsSpan(0, length).Clear();
        for (int c = 0; c < g.InChannels; c++)
        {
            for (int h = 0; h < g.InHeight; h++)
            {
                sample.Slice(((c * g.InHeight) + h) * g.InWidth, g.InWidth)
                    .CopyTo(padded.AsSpan((((c * paddedHeight) + h + g.Padding) * paddedWidth) + g.Padding, g.InWidth));
            }
        }

        return padded;
    }

    private static void Check(int inputLength, int weightLength, int outputLength, in Conv2dGeometry g, int widest)
    {
        if (!SupportsGeometry(g))
        {
            throw new ArgumentException("Geometry is not supported by the direct convolution kernel (see Supports).", nameof(g));
        }

        if (!(widest == 16 && Vector512.IsHardwareAccelerated) && !(widest == 8 && Vector256.IsHardwareAccelerated))
        {
            throw new PlatformNotSupportedException($"The direct convolution has no {widest}-lane path on this processor.");
        }

        if (inputLength != g.Batch * g.InChannels * g.InHeight * g.InWidth
            || weightLength != g.OutChannels * g.PatchSize
            || outputLength != g.Batch * g.OutChannels * g.OutHeight * g.OutWidth)
        {
            throw new ArgumentException("Direct convolution operand lengths do not match the geometry.", nameof(g));
        }
    }
}
