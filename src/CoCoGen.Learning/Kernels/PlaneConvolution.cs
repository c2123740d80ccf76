using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// Direct stride-1 convolution for small feature maps with short rows (LeNet's second layer: 6→16 channels,
/// 14×14 → 10×10). Each output plane is computed as one flat run of positions q = oh·PW + ow over the
/// zero-padded input's row stride PW: every tap (c, kh, kw) is then the same input run shifted by
/// c·plane + kh·PW + kw, a plain vector load, and the positions with ow ≥ OW (a few per row) are computed and
/// dropped. That wastes (PW − OW)/PW of the multiply-adds but writes no im2col matrix, which for such layers
/// costs more than the product itself (measured: unfolding 8 samples of LeNet's conv2 took longer than their
/// SGEMM). The filter gradient (AVX2 only, see <see cref="SupportsFilterGradient"/>) reads the output gradient
/// widened to the same stride with zeros at ow ≥ OW.
/// The input gradient stays on im2col: as a full correlation over the padded plane it measured up to 25 %
/// slower than SGEMM + fold. The forward pass runs Vector512 blocks of 48 positions (three zmm per channel) or
/// Vector256 blocks of 32 (four ymm); without 256-bit vectors the im2col path serves these layers.
/// </summary>
public static unsafe class PlaneConvolution
{
    private const int Block256 = 32;
    private const int Block512 = 48;
    private const int MaxPatch = 400;
    private const int MaxPlane = 1024;

    [ThreadStatic]
    private static float[]? t_padded;

    [ThreadStatic]
    private static float[]? t_wide;

    // The widest step this processor runs: 16 lanes (Vector512), 8 (Vector256) or 0 (neither: not supported).
    private static readonly int s_widest = Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 0;

    /// <summary>True when the geometry suits this kernel's forward pass on this processor.</summary>
    /// <param name="g">The convolution.</param>
    public static bool Supports(in Conv2dGeometry g) => s_widest > 0 && SupportsGeometry(g);

    /// <summary>
    /// True when this kernel's filter gradient should serve the geometry: on AVX2 machines only. With AVX-512 the
    /// transposed unfold + Vector512 SGEMM measured faster (8-sample chunk of LeNet's conv2: 319 vs 352 µs;
    /// 16 samples: 442 vs 682 µs), on AVX2 slower (416 vs 315 µs; 767 vs 584 µs).
    /// </summary>
    /// <param name="g">The convolution.</param>
    public static bool SupportsFilterGradient(in Conv2dGeometry g) => s_widest == 8 && SupportsGeometry(g);

    private static bool SupportsGeometry(in Conv2dGeometry g)
        => g.Groups == 1 && g.Stride == 1 && g.KernelHeight > 1 && g.PatchSize <= MaxPatch
           && g.OutWidth <= 16 && PaddedWidth(g) * (g.InHeight + (2 * g.Padding)) <= MaxPlane
           && g.OutHeight * g.OutWidth * 2 >= Run(g); // at least half the computed positions are outputs

    /// <summary>output = conv(input, weight) for the samples of the geometry (no bias).</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="weight">[O, C, kh, kw].</param>
    /// <param name="output">[N, O, OH, OW], overwritten.</param>
    /// <param name="g">A supported geometry.</param>
    public static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, Span<float> output, in Conv2dGeometry g)
        => Forward(input, weight, output, g, s_widest);

    /// <summary>As <see cref="Forward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, in Conv2dGeometry)"/> in Vector512 (<paramref name="widest"/> 16) or Vector256 (8) steps, so tests reach both paths.</summary>
    internal static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, Span<float> output, in Conv2dGeometry g, int widest)
    {
        Check(input.Length, weight.Length, output.Length, g, widest);
        int pw = PaddedWidth(g);
        int plane = PaddedPlane(g);
        int run = Run(g);
        int block = widest == 16 ? Block512 : Block256;
        int rounded = RoundUp(run, block);
        int inSample = g.InChannels * g.InHeight * g.InWidth;
        int outPlane = g.OutHeight * g.OutWidth;
        float[] wideBuffer = Buffer(ref t_wide, 2 * rounded);
        fixed (float* w = weight)
        fixed (float* yBase = output)
        fixed (float* wide = wideBuffer)
        {
            for (int n = 0; n < g.Batch; n++)
            {
                fixed (float* pad = Pad(input.Slice(n * inSample, inSample), g, rounded))
                {
                    float* y = yBase + ((long)n * g.OutChannels * outPlane);
                    for (int o = 0; o < g.OutChannels; o += 2)
                    {
                        bool pair = o + 1 < g.OutChannels;
                        float* wa = w + (o * g.PatchSize);
                        float* wb = pair ? wa + g.PatchSize : wa;
                        for (int q = 0; q < run; q += block)
                        {
                            if (widest == 16)
                            {
                                ForwardBlock512(pad + q, wa, wb, wide + q, wide + rounded + q, g, pw, plane);
                            }
                            else
                            {
                                ForwardBlock(pad + q, wa, wb, wide + q, wide + rounded + q, g, pw, plane);
                            }
                        }

                        // Keep each row's first OW positions.
                        for (int oh = 0; oh < g.OutHeight; oh++)
                        {
                            ShortRows.Copy(wide + (oh * pw), y + (o * outPlane) + (oh * g.OutWidth), g.OutWidth);
                            if (pair)
                            {
                                ShortRows.Copy(wide + rounded + (oh * pw), y + ((o + 1) * outPlane) + (oh * g.OutWidth), g.OutWidth);
                            }
                        }
                    }
                }
            }
        }
    }

    // 32 positions of two output channels: eight accumulators, each tap two broadcasts and four loads.
    private static void ForwardBlock(float* x, float* wa, float* wb, float* ya, float* yb, in Conv2dGeometry g, int pw, int plane)
    {
        Vector256<float> a0 = Vector256<float>.Zero, a1 = Vector256<float>.Zero, a2 = Vector256<float>.Zero, a3 = Vector256<float>.Zero;
        Vector256<float> b0 = Vector256<float>.Zero, b1 = Vector256<float>.Zero, b2 = Vector256<float>.Zero, b3 = Vector256<float>.Zero;
        int tap = 0;
        for (int c = 0; c < g.InChannels; c++)
        {
            for (int kh = 0; kh < g.KernelHeight; kh++)
            {
                float* row = x + (c * plane) + (kh * pw);
                for (int kw = 0; kw < g.KernelWidth; kw++, tap++)
                {
                    Vector256<float> ta = Vector256.Create(wa[tap]);
                    Vector256<float> tb = Vector256.Create(wb[tap]);
                    Vector256<float> x0 = Vector256.Load(row + kw);
                    a0 = Vector256.FusedMultiplyAdd(ta, x0, a0);
                    b0 = Vector256.FusedMultiplyAdd(tb, x0, b0);
                    Vector256<float> x1 = Vector256.Load(row + kw + 8);
                    a1 = Vector256.FusedMultiplyAdd(ta, x1, a1);
                    b1 = Vector256.FusedMultiplyAdd(tb, x1, b1);
                    Vector256<float> x2 = Vector256.Load(row + kw + 16);
                    a2 = Vector256.FusedMultiplyAdd(ta, x2, a2);
                    b2 = Vector256.FusedMultiplyAdd(tb, x2, b2);
                    Vector256<float> x3 = Vector256.Load(row + kw + 24);
                    a3 = Vector256.FusedMultiplyAdd(ta, x3, a3);
                    b3 = Vector256.FusedMultiplyAdd(tb, x3, b3);
                }
            }
        }

        a0.Store(ya);
        a1.Store(ya + 8);
        a2.Store(ya + 16);
        a3.Store(ya + 24);
        b0.Store(yb);
        b1.Store(yb + 8);
        b2.Store(yb + 16);
        b3.Store(yb + 24);
    }

    // 48 positions of two output channels: six zmm accumulators, each tap two broadcasts and three loads.
    private static void ForwardBlock512(float* x, float* wa, float* wb, float* ya, float* yb, in Conv2dGeometry g, int pw, int plane)
    {
        Vector512<float> a0 = Vector512<float>.Zero, a1 = Vector512<float>.Zero, a2 = Vector512<float>.Zero;
        Vector512<float> b0 = Vector512<float>.Zero, b1 = Vector512<float>.Zero, b2 = Vector512<float>.Zero;
        int tap = 0;
        for (int c = 0; c < g.InChannels; c++)
        {
            for (int kh = 0; kh < g.KernelHeight; kh++)
            {
                float* row = x + (c * plane) + (kh * pw);
                for (int kw = 0; kw < g.KernelWidth; kw++, tap++)
                {
                    Vector512<float> ta = Vector512.Create(wa[tap]);
                    Vector512<float> tb = Vector512.Create(wb[tap]);
                    Vector512<float> x0 = Vector512.Load(row + kw);
                    a0 = Vector512.FusedMultiplyAdd(ta, x0, a0);
                    b0 = Vector512.FusedMultiplyAdd(tb, x0, b0);
                    Vector512<float> x1 = Vector512.Load(row + kw + 16);
                    a1 = Vector512.FusedMultiplyAdd(ta, x1, a1);
                    b1 = Vector512.FusedMultiplyAdd(tb, x1, b1);
                    Vector512<float> x2 = Vector512.Load(row + kw + 32);
                    a2 = Vector512.FusedMultiplyAdd(ta, x2, a2);
                    b2 = Vector512.FusedMultiplyAdd(tb, x2, b2);
                }
            }
        }

        a0.Store(ya);
        a1.Store(ya + 16);
        a2.Store(ya + 32);
        b0.Store(yb);
        b1.Store(yb + 16);
        b2.Store(yb + 32);
    }

    /// <summary>weightGradient += Σ over samples and pixels of outputGradient · input patch.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="outputGradient">[N, O, OH, OW].</param>
    /// <param name="weightGradient">[O, C, kh, kw], accumulated.</param>
    /// <param name="g">A supported geometry.</param>
    public static void BackwardFilter(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> weightGradient, in Conv2dGeometry g)
    {
        Check(input.Length, weightGradient.Length, outputGradient.Length, g, 8);
        int pw = PaddedWidth(g);
        int plane = PaddedPlane(g);
        int rounded = RoundUp(Run(g), 8);
        int inSample = g.InChannels * g.InHeight * g.InWidth;
        int outSample = g.OutChannels * g.OutHeight * g.OutWidth;
        float[] wideBuffer = Buffer(ref t_wide, g.OutChannels * rounded);
        fixed (float* dw = weightGradient)
        fixed (float* wide = wideBuffer)
        {
            for (int n = 0; n < g.Batch; n++)
            {
                Widen(outputGradient.Slice(n * outSample, outSample), wide, g, rounded);
                fixed (float* pad = Pad(input.Slice(n * inSample, inSample), g, rounded))
                {
                    for (int o = 0; o < g.OutChannels; o += 2)
                    {
                        bool pair = o + 1 < g.OutChannels;
                        float* ga = wide + (o * rounded);
                        float* gb = pair ? ga + rounded : ga;
                        float* da = dw + (o * g.PatchSize);
                        float* db = pair ? da + g.PatchSize : null;
                        for (int c = 0; c < g.InChannels; c++)
                        {
                            for (int kh = 0; kh < g.KernelHeight; kh++)
                            {
                                float* row = pad + (c * plane) + (kh * pw);
                                int tap = ((c * g.KernelHeight) + kh) * g.KernelWidth;
                                int kw = 0;
                                for (; kw + 5 <= g.KernelWidth; kw += 5)
                                {
                                    FilterFiveTaps(ga, gb, row + kw, rounded, da + tap + kw, db is null ? null : db + tap + kw);
                                }

                                for (; kw < g.KernelWidth; kw++)
                                {
                                    FilterOneTap(ga, gb, row + kw, rounded, da + tap + kw, db is null ? null : db + tap + kw);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // Five horizontal taps of two output channels: each gradient vector is loaded once for the five taps.
    private static void FilterFiveTaps(float* ga, float* gb, float* x, int length, float* da, float* db)
    {
        Vector256<float> a0 = Vector256<float>.Zero, a1 = Vector256<float>.Zero, a2 = Vector256<float>.Zero, a3 = Vector256<float>.Zero, a4 = Vector256<float>.Zero;
        Vector256<float> b0 = Vector256<float>.Zero, b1 = Vector256<float>.Zero, b2 = Vector256<float>.Zero, b3 = Vector256<float>.Zero, b4 = Vector256<float>.Zero;
        for (int q = 0; q < length; q += 8)
        {
            Vector256<float> va = Vector256.Load(ga + q);
            Vector256<float> vb = Vector256.Load(gb + q);
            Vector256<float> x0 = Vector256.Load(x + q);
            a0 = Vector256.FusedMultiplyAdd(va, x0, a0);
            b0 = Vector256.FusedMultiplyAdd(vb, x0, b0);
            Vector256<float> x1 = Vector256.Load(x + q + 1);
            a1 = Vector256.FusedMultiplyAdd(va, x1, a1);
            b1 = Vector256.FusedMultiplyAdd(vb, x1, b1);
            Vector256<float> x2 = Vector256.Load(x + q + 2);
            a2 = Vector256.FusedMultiplyAdd(va, x2, a2);
            b2 = Vector256.FusedMultiplyAdd(vb, x2, b2);
            Vector256<float> x3 = Vector256.Load(x + q + 3);
            a3 = Vector256.FusedMultiplyAdd(va, x3, a3);
            b3 = Vector256.FusedMultiplyAdd(vb, x3, b3);
            Vector256<float> x4 = Vector256.Load(x + q + 4);
            a4 = Vector256.FusedMultiplyAdd(va, x4, a4);
            b4 = Vector256.FusedMultiplyAdd(vb, x4, b4);
        }

        da[0] += Vector256.Sum(a0);
        da[1] += Vector256.Sum(a1);
        da[2] += Vector256.Sum(a2);
        da[3] += Vector256.Sum(a3);
        da[4] += Vector256.Sum(a4);
        if (db is not null)
        {
            db[0] += Vector256.Sum(b0);
            db[1] += Vector256.Sum(b1);
            db[2] += Vector256.Sum(b2);
            db[3] += Vector256.Sum(b3);
            db[4] += Vector256.Sum(b4);
        }
    }

    // One tap of two output channels (kernels whose width is not a multiple of five).
    private static void FilterOneTap(float* ga, float* gb, float* x, int length, float* da, float* db)
    {
        Vector256<float> a = Vector256<float>.Zero, b = Vector256<float>.Zero;
        for (int q = 0; q < length; q += 8)
        {
            Vector256<float> xq = Vector256.Load(x + q);
            a = Vector256.FusedMultiplyAdd(Vector256.Load(ga + q), xq, a);
            b = Vector256.FusedMultiplyAdd(Vector256.Load(gb + q), xq, b);
        }

        *da += Vector256.Sum(a);
        if (db is not null)
        {
            *db += Vector256.Sum(b);
        }
    }

    // One sample's output gradient laid out at the padded row stride: channel o's row oh at
    // o·stride + oh·PW, zeros around it (at ow ≥ OW and after the run).
    private static void Widen(ReadOnlySpan<float> outputGradient, float* wide, in Conv2dGeometry g, int stride)
    {
        int pw = PaddedWidth(g);
        new Span<float>(wide, g.OutChannels * stride).Clear();
        fixed (float* dy = outputGradient)
        {
            for (int o = 0; o < g.OutChannels; o++)
            {
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    ShortRows.Copy(dy + (((o * g.OutHeight) + oh) * g.OutWidth), wide + (o * stride) + (oh * pw), g.OutWidth);
                }
            }
        }
    }

    // Copies one sample into the thread's zero-bordered buffer, with zeroed slack after it for the block
    // loads past the last channel's run (their products are dropped or meet zero gradients).
    private static float[] Pad(ReadOnlySpan<float> sample, in Conv2dGeometry g, int rounded)
    {
        int pw = PaddedWidth(g);
        int plane = PaddedPlane(g);
        int length = (g.InChannels * plane) + rounded + pw + Block512;
        float[] padded = Buffer(ref t_padded, length);
        padded.AsSpan(0, length).Clear();
        for (int c = 0; c < g.InChannels; c++)
        {
            for (int h = 0; h < g.InHeight; h++)
            {
                sample.Slice(((c * g.InHeight) + h) * g.InWidth, g.InWidth)
                    .CopyTo(padded.AsSpan((c * plane) + ((h + g.Padding) * pw) + g.Padding, g.InWidth));
            }
        }

        return padded;
    }

    private static int PaddedWidth(in Conv2dGeometry g) => g.InWidth + (2 * g.Padding);

    private static int PaddedPlane(in Conv2dGeometry g) => (g.InHeight + (2 * g.Padding)) * PaddedWidth(g);

    // Flat positions from the first output to the last one, at the padded row stride.
    private static int Run(in Conv2dGeometry g) => ((g.OutHeight - 1) * PaddedWidth(g)) + g.OutWidth;

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static float[] Buffer(ref float[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<float>(length, pinned: true);
        }

        return buffer;
    }

    private static void Check(int inputLength, int weightLength, int outputLength, in Conv2dGeometry g, int widest)
    {
        if (!SupportsGeometry(g))
        {
            throw new ArgumentException("Geometry is not supported by the plane convolution kernel (see Supports).", nameof(g));
        }

        if (!(widest == 16 && Vector512.IsHardwareAccelerated) && !(widest == 8 && Vector256.IsHardwareAccelerated))
        {
            throw new PlatformNotSupportedException($"The plane convolution has no {widest}-lane path on this processor.");
        }

        if (inputLength != g.Batch * g.InChannels * g.InHeight * g.InWidth
            || weightLength != g.OutChannels * g.PatchSize
            || outputLength != g.Batch * g.OutChannels * g.OutHeight * g.OutWidth)
        {
            throw new ArgumentException("Plane convolution operand lengths do not match the geometry.", nameof(g));
        }
    }
}
