namespace CoCoGen.Learning.Kernels;

/// <summary>
/// Unfolds convolution patches of a run of samples into a matrix with one row per (channel, kh, kw) of a
/// group and one column per (sample, output pixel), so the convolution becomes one matrix product; and folds
/// such a matrix back, summing overlaps (the adjoint, used for the input gradient).
/// </summary>
public static class Im2Col
{
    /// <summary>columns[K, count·P] ← patches of samples [first, first+count), channels of group <paramref name="group"/>.</summary>
    /// <param name="input">The whole input [N, C, H, W].</param>
    /// <param name="g">The geometry.</param>
    /// <param name="group">The channel group.</param>
    /// <param name="first">First sample.</param>
    /// <param name="count">Number of samples.</param>
    /// <param name="columns">Destination, length PatchSize · count · OutHeight · OutWidth.</param>
    public static unsafe void Unfold(ReadOnlySpan<float> input, in Conv2dGeometry g, int group, int first, int count, Span<float> columns)
    {
        int plane = g.InHeight * g.InWidth;
        int pixels = g.OutHeight * g.OutWidth;
        int width = count * pixels;
        Check(input.Length, g, group, first, count, columns.Length);
        fixed (float* inBase = input)
        fixed (float* colBase = columns)
        {
            // The destination is filled in increasing address order, so rows may be copied with slack.
            float* inEnd = inBase + input.Length;
            float* colEnd = colBase + ((long)g.PatchSize * width);
            for (int c = 0; c < g.GroupInChannels; c++)
            {
                for (int kh = 0; kh < g.KernelHeight; kh++)
                {
                    for (int kw = 0; kw < g.KernelWidth; kw++)
                    {
                        int row = (((c * g.KernelHeight) + kh) * g.KernelWidth) + kw;
                        float* dst = colBase + ((long)row * width);
                        (int owLo, int owHi) = ValidRange(kw, g.Padding, g.Stride, g.InWidth, g.OutWidth);
                        for (int n = 0; n < count; n++)
                        {
                            float* src = inBase + ((long)(((first + n) * g.InChannels) + (group * g.GroupInChannels) + c) * plane);
                            for (int oh = 0; oh < g.OutHeight; oh++, dst += g.OutWidth)
                            {
                                int ih = (oh * g.Stride) - g.Padding + kh;
                                if (ih < 0 || ih >= g.InHeight)
                                {
                                    for (int ow = 0; ow < g.OutWidth; ow++)
                                    {
                                        dst[ow] = 0;
                                    }

                                    continue;
                                }

                                float* srcRow = src + (ih * g.InWidth) - g.Padding + kw;
                                for (int ow = 0; ow < owLo; ow++)
                                {
                                    dst[ow] = 0;
                                }

                                if (g.Stride == 1)
                                {
                                    ShortRows.CopyWithSlack(srcRow + owLo, dst + owLo, owHi - owLo, inEnd, colEnd);
                                }
                                else
                                {
                                    for (int ow = owLo; ow < owHi; ow++)
                                    {
                                        dst[ow] = srcRow[ow * g.Stride];
                                    }
                                }

                                for (int ow = owHi; ow < g.OutWidth; ow++)
                                {
                                    dst[ow] = 0;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The transpose of <see cref="Unfold"/>: rows[count·P, K], one row of patch values per output pixel. The
    /// filter gradient dW = dY·rows then reads this matrix in place, where the K×(count·P) layout would need
    /// a transposing pack.
    /// </summary>
    /// <param name="input">The whole input [N, C, H, W].</param>
    /// <param name="g">The geometry.</param>
    /// <param name="group">The channel group.</param>
    /// <param name="first">First sample.</param>
    /// <param name="count">Number of samples.</param>
    /// <param name="rows">Destination, length count · OutHeight · OutWidth · PatchSize.</param>
    public static unsafe void UnfoldTransposed(ReadOnlySpan<float> input, in Conv2dGeometry g, int group, int first, int count, Span<float> rows)
    {
        int plane = g.InHeight * g.InWidth;
        int patch = g.PatchSize;
        int kh0 = g.KernelHeight;
        int kw0 = g.KernelWidth;
        Check(input.Length, g, group, first, count, rows.Length);
        fixed (float* inBase = input)
        fixed (float* rowBase = rows)
        {
            // The destination is filled in increasing address order, so rows may be copied with slack.
            float* inEnd = inBase + input.Length;
            float* rowEnd = rowBase + ((long)patch * count * g.OutHeight * g.OutWidth);
            float* dst = rowBase;
            for (int n = 0; n < count; n++)
            {
                float* sample = inBase + ((long)(((first + n) * g.InChannels) + (group * g.GroupInChannels)) * plane);
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    int ih0 = (oh * g.Stride) - g.Padding;
                    for (int ow = 0; ow < g.OutWidth; ow++, dst += patch)
                    {
                        int iw0 = (ow * g.Stride) - g.Padding;
                        bool inside = iw0 >= 0 && iw0 + kw0 <= g.InWidth;
                        float* target = dst;
                        for (int c = 0; c < g.GroupInChannels; c++)
                        {
                            float* channel = sample + (c * plane);
                            for (int kh = 0; kh < kh0; kh++, target += kw0)
                            {
                                int ih = ih0 + kh;
                                if (ih < 0 || ih >= g.InHeight)
                                {
                                    for (int kw = 0; kw < kw0; kw++)
                                    {
                                        target[kw] = 0;
                                    }

                                    continue;
                                }

                                float* source = channel + (ih * g.InWidth) + iw0;
                                if (inside)
                                {
                                    ShortRows.CopyWithSlack(source, target, kw0, inEnd, rowEnd);
                                    continue;
                                }

                                for (int kw = 0; kw < kw0; kw++)
                                {
                                    int iw = iw0 + kw;
                                    target[kw] = iw >= 0 && iw < g.InWidth ? source[kw] : 0;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>inputGradient += fold(columns): the adjoint of <see cref="Unfold"/>.</summary>
    /// <param name="columns">Source [K, count·P].</param>
    /// <param name="g">The geometry.</param>
    /// <param name="group">The channel group.</param>
    /// <param name="first">First sample.</param>
    /// <param name="count">Number of samples.</param>
    /// <param name="inputGradient">The whole input gradient [N, C, H, W], accumulated into.</param>
    public static unsafe void FoldAdd(ReadOnlySpan<float> columns, in Conv2dGeometry g, int group, int first, int count, Span<float> inputGradient)
    {
        int plane = g.InHeight * g.InWidth;
        int pixels = g.OutHeight * g.OutWidth;
        int width = count * pixels;
        Check(inputGradient.Length, g, group, first, count, columns.Length);
        fixed (float* inBase = inputGradient)
        fixed (float* colBase = columns)
        {
            for (int c = 0; c < g.GroupInChannels; c++)
            {
                for (int kh = 0; kh < g.KernelHeight; kh++)
                {
                    for (int kw = 0; kw < g.KernelWidth; kw++)
                    {
                        int row = (((c * g.KernelHeight) + kh) * g.KernelWidth) + kw;
                        float* src = colBase + ((long)row * width);
                        (int owLo, int owHi) = ValidRange(kw, g.Padding, g.Stride, g.InWidth, g.OutWidth);
                        for (int n = 0; n < count; n++)
                        {
                            float* dst = inBase + ((long)(((first + n) * g.InChannels) + (group * g.GroupInChannels) + c) * plane);
                            for (int oh = 0; oh < g.OutHeight; oh++, src += g.OutWidth)
                            {
                                int ih = (oh * g.Stride) - g.Padding + kh;
                                if (ih < 0 || ih >= g.InHeight)
                                {
                                    continue;
                                }

                                float* dstRow = dst + (ih * g.InWidth) - g.Padding + kw;
                                if (g.Stride == 1)
                                {
                                    ShortRows.Add(src + owLo, dstRow + owLo, owHi - owLo);
                                }
                                else
                                {
                                    for (int ow = owLo; ow < owHi; ow++)
                                    {
                                        dstRow[ow * g.Stride] += src[ow];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Output columns [lo, hi) whose input column ow·stride − padding + kw lies inside the image.</summary>
    internal static (int Low, int High) ValidRange(int kw, int padding, int stride, int inWidth, int outWidth)
    {
        int lo = padding - kw <= 0 ? 0 : (padding - kw + stride - 1) / stride;
        int last = inWidth - 1 + padding - kw;
        int hi = last < 0 ? 0 : Math.Min(outWidth, (last / stride) + 1);
        return (Math.Min(lo, hi), hi);
    }

    private static void Check(int imageLength, in Conv2dGeometry g, int group, int first, int count, int columnsLength)
    {
        if (imageLength < g.Batch * g.InChannels * g.InHeight * g.InWidth)
        {
            throw new ArgumentException($"Image has {imageLength} elements, geometry needs {g.Batch * g.InChannels * g.InHeight * g.InWidth}.", nameof(imageLength));
        }

        if (group < 0 || group >= g.Groups || first < 0 || count < 0 || first + count > g.Batch)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"Samples [{first}, {first + count}) of group {group} are outside the batch of {g.Batch} in {g.Groups} groups.");
        }

        long needed = (long)g.PatchSize * count * g.OutHeight * g.OutWidth;
        if (columnsLength < needed)
        {
            throw new ArgumentException($"Column buffer has {columnsLength} elements, needs {needed}.", nameof(columnsLength));
        }
    }
}
