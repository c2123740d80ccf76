namespace CoCoGen.Learning.Kernels;

/// <summary>
/// Direct depthwise convolution (one filter per channel): im2col would multiply a K×P matrix by a single
/// row per channel, which wastes the packing; the direct loops touch each input once per tap.
/// </summary>
public static class DepthwiseConvolution
{
    /// <summary>output = depthwise(input, weight) + bias, for channel planes [first, first+count) of N·C.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="weight">[C, 1, kh, kw].</param>
    /// <param name="bias">[C], or empty for none.</param>
    /// <param name="output">[N, C, OH, OW], overwritten.</param>
    /// <param name="g">Geometry; must be depthwise.</param>
    public static unsafe void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> output, in Conv2dGeometry g)
    {
        Check(input.Length, weight.Length, bias.Length, output.Length, g);
        int taps = g.KernelHeight * g.KernelWidth;
        int inPlane = g.InHeight * g.InWidth;
        int outPlane = g.OutHeight * g.OutWidth;
        fixed (float* x = input)
        fixed (float* w = weight)
        fixed (float* b = bias)
        fixed (float* y = output)
        {
            for (int nc = 0; nc < g.Batch * g.InChannels; nc++)
            {
                int c = nc % g.InChannels;
                float* src = x + ((long)nc * inPlane);
                float* dst = y + ((long)nc * outPlane);
                new Span<float>(dst, outPlane).Fill(bias.IsEmpty ? 0f : b[c]);
                for (int kh = 0; kh < g.KernelHeight; kh++)
                {
                    for (int kw = 0; kw < g.KernelWidth; kw++)
                    {
                        float tap = w[(c * taps) + (kh * g.KernelWidth) + kw];
                        (int lo, int hi) = Im2Col.ValidRange(kw, g.Padding, g.Stride, g.InWidth, g.OutWidth);
                        for (int oh = 0; oh < g.OutHeight; oh++)
                        {
                            int ih = (oh * g.Stride) - g.Padding + kh;
                            if (ih < 0 || ih >= g.InHeight)
                            {
                                continue;
                            }

                            float* row = src + (ih * g.InWidth) - g.Padding + kw;
                            float* outRow = dst + (oh * g.OutWidth);
                            if (g.Stride == 1)
                            {
                                ShortRows.MultiplyAdd(row + lo, tap, outRow + lo, hi - lo);
                                continue;
                            }

                            for (int ow = lo; ow < hi; ow++)
                            {
                                outRow[ow] += tap * row[ow * g.Stride];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>inputGradient = depthwiseᵀ(outputGradient) (overwritten).</summary>
    /// <param name="outputGradient">[N, C, OH, OW].</param>
    /// <param name="weight">[C, 1, kh, kw].</param>
    /// <param name="inputGradient">[N, C, H, W], overwritten.</param>
    /// <param name="g">Geometry; must be depthwise.</param>
    public static unsafe void BackwardData(ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> weight, Span<float> inputGradient, in Conv2dGeometry g)
    {
        Check(inputGradient.Length, weight.Length, 0, outputGradient.Length, g);
        inputGradient.Clear();
        int taps = g.KernelHeight * g.KernelWidth;
        int inPlane = g.InHeight * g.InWidth;
        int outPlane = g.OutHeight * g.OutWidth;
        fixed (float* dx = inputGradient)
        fixed (float* w = weight)
        fixed (float* dy = outputGradient)
        {
            for (int nc = 0; nc < g.Batch * g.InChannels; nc++)
            {
                int c = nc % g.InChannels;
                float* dst = dx + ((long)nc * inPlane);
                float* src = dy + ((long)nc * outPlane);
                for (int kh = 0; kh < g.KernelHeight; kh++)
                {
                    for (int kw = 0; kw < g.KernelWidth; kw++)
                    {
                        float tap = w[(c * taps) + (kh * g.KernelWidth) + kw];
                        (int lo, int hi) = Im2Col.ValidRange(kw, g.Padding, g.Stride, g.InWidth, g.OutWidth);
                        for (int oh = 0; oh < g.OutHeight; oh++)
                        {
                            int ih = (oh * g.Stride) - g.Padding + kh;
                            if (ih < 0 || ih >= g.InHeight)
                            {
                                continue;
                            }

                            float* row = dst + (ih * g.InWidth) - g.Padding + kw;
                            float* gradRow = src + (oh * g.OutWidth);
                            if (g.Stride == 1)
                            {
                                ShortRows.MultiplyAdd(gradRow + lo, tap, row + lo, hi - lo);
                                continue;
                            }

                            for (int ow = lo; ow < hi; ow++)
                            {
                                row[ow * g.Stride] += tap * gradRow[ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>weightGradient += Σ dy·x per tap; biasGradient += Σ dy per channel (when not empty).</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="outputGradient">[N, C, OH, OW].</param>
    /// <param name="weightGradient">[C, 1, kh, kw], accumulated.</param>
    /// <param name="biasGradient">[C] accumulated, or empty.</param>
    /// <param name="g">Geometry; must be depthwise.</param>
    public static unsafe void BackwardFilter(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> weightGradient, Span<float> biasGradient, in Conv2dGeometry g)
    {
        Check(input.Length, weightGradient.Length, biasGradient.Length, outputGradient.Length, g);
        int taps = g.KernelHeight * g.KernelWidth;
        int inPlane = g.InHeight * g.InWidth;
        int outPlane = g.OutHeight * g.OutWidth;
        fixed (float* x = input)
        fixed (float* dw = weightGradient)
        fixed (float* db = biasGradient)
        fixed (float* dy = outputGradient)
        {
            for (int nc = 0; nc < g.Batch * g.InChannels; nc++)
            {
                int c = nc % g.InChannels;
                float* src = x + ((long)nc * inPlane);
                float* grad = dy + ((long)nc * outPlane);
                if (!biasGradient.IsEmpty)
                {
                    db[c] += VectorKernels.Sum(new ReadOnlySpan<float>(grad, outPlane));
                }

                for (int kh = 0; kh < g.KernelHeight; kh++)
                {
                    for (int kw = 0; kw < g.KernelWidth; kw++)
                    {
                        (int lo, int hi) = Im2Col.ValidRange(kw, g.Padding, g.Stride, g.InWidth, g.OutWidth);
                        float sum = 0;
                        for (int oh = 0; oh < g.OutHeight; oh++)
                        {
                            int ih = (oh * g.Stride) - g.Padding + kh;
                            if (ih < 0 || ih >= g.InHeight)
                            {
                                continue;
                            }

                            float* row = src + (ih * g.InWidth) - g.Padding + kw;
                            float* gradRow = grad + (oh * g.OutWidth);
                            if (g.Stride == 1)
                            {
                                sum += ShortRows.Dot(gradRow + lo, row + lo, hi - lo);
                                continue;
                            }

                            for (int ow = lo; ow < hi; ow++)
                            {
                                sum += gradRow[ow] * row[ow * g.Stride];
                            }
                        }

                        dw[(c * taps) + (kh * g.KernelWidth) + kw] += sum;
                    }
                }
            }
        }
    }

    private static void Check(int inputLength, int weightLength, int biasLength, int outputLength, in Conv2dGeometry g)
    {
        if (!g.IsDepthwise)
        {
            throw new ArgumentException($"Geometry with {g.Groups} groups over {g.InChannels}→{g.OutChannels} channels is not depthwise.", nameof(g));
        }

        if (inputLength != g.Batch * g.InChannels * g.InHeight * g.InWidth
            || weightLength != g.InChannels * g.KernelHeight * g.KernelWidth
            || (biasLength != 0 && biasLength != g.InChannels)
            || outputLength != g.Batch * g.InChannels * g.OutHeight * g.OutWidth)
        {
            throw new ArgumentException("Depthwise convolution operand lengths do not match the geometry.", nameof(g));
        }
    }
}
