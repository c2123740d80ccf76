using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// Convolution on the CPU: the batch is cut into sample chunks whose im2col matrix fits in the L2 cache,
/// and worker threads take chunks in turn (each with its own workspace), so every
/// matrix product runs single-threaded on cache-resident data. Depthwise convolutions and small stride-1 ones
/// (<see cref="DirectConvolution"/> for rows of 17–32 pixels, <see cref="PlaneConvolution"/> for shorter ones)
/// use direct kernels and 1×1 convolutions multiply the input in place, all chunked the same way.
/// </summary>
internal static class ChunkedConvolution
{
    // Floats of im2col matrix per chunk: 512 KiB, half of a Zen 4 core's L2.
    private const int ColumnBudget = 1 << 17;

    // Below this many multiply-adds a convolution runs on the calling thread alone.
    private const long ParallelThreshold = 1L << 17;

    [ThreadStatic]
    private static float[]? t_columns;

    [ThreadStatic]
    private static float[]? t_product;

    [ThreadStatic]
    private static float[][]? t_partials;

    public static void Forward(Tensor input, Tensor weight, Tensor output, Conv2dGeometry g, int maxThreads)
    {
        if (g.IsPointwise && g.Groups == 1 && g.OutHeight * g.OutWidth == 1)
        {
            // A 1×1 convolution of 1×1 maps (squeeze-and-excitation) is one product over the whole batch.
            Sgemm.Multiply(false, true, g.Batch, g.OutChannels, g.InChannels, 1, input.Span, g.InChannels, weight.Span, g.InChannels, 0, output.Span, g.OutChannels, maxThreads);
            return;
        }

        ForEachChunk(g, maxThreads, (first, count, _) => ForwardChunk(input, weight, output, g, first, count));
    }

    public static void BackwardData(Tensor outputGradient, Tensor weight, Tensor inputGradient, Conv2dGeometry g, int maxThreads)
    {
        if (g.IsPointwise && g.Groups == 1 && g.OutHeight * g.OutWidth == 1)
        {
            Sgemm.Multiply(false, false, g.Batch, g.InChannels, g.OutChannels, 1, outputGradient.Span, g.OutChannels, weight.Span, g.InChannels, 0, inputGradient.Span, g.InChannels, maxThreads);
            return;
        }

        ForEachChunk(g, maxThreads, (first, count, _) => BackwardDataChunk(outputGradient, weight, inputGradient, g, first, count));
    }

    public static void BackwardFilter(Tensor input, Tensor outputGradient, Tensor weightGradient, Conv2dGeometry g, int maxThreads)
    {
        if (g.IsPointwise && g.Groups == 1 && g.OutHeight * g.OutWidth == 1)
        {
            Sgemm.Multiply(true, false, g.OutChannels, g.InChannels, g.Batch, 1, outputGradient.Span, g.OutChannels, input.Span, g.InChannels, 1, weightGradient.Span, g.InChannels, maxThreads);
            return;
        }

        // Worker 0 accumulates straight into the gradient, the others into private partials added at the end.
        int workers = Workers(g, maxThreads);
        t_partials ??= [];
        if (t_partials.Length < workers)
        {
            Array.Resize(ref t_partials, workers);
        }

        float[][] partials = t_partials;
        int length = weightGradient.Length;
        for (int w = 1; w < workers; w++)
        {
            if (partials[w] is null || partials[w].Length < length)
            {
                partials[w] = new float[length];
            }
            else
            {
                Array.Clear(partials[w], 0, length);
            }
        }

        // Chunks are dealt to workers in a fixed order here: each worker's partial sum, and so the float
        // result, must not depend on thread scheduling, or the same seed would not give the same model.
        ForEachChunk(g, maxThreads, (first, count, worker) =>
            BackwardFilterChunk(input, outputGradient, worker == 0 ? weightGradient.Span : partials[worker].AsSpan(0, length), g, first, count),
            fixedAssignment: true);
        for (int w = 1; w < workers; w++)
        {
            VectorKernels.Add(weightGradient.Span, partials[w].AsSpan(0, length), weightGradient.Span);
        }
    }

    private static void ForwardChunk(Tensor input, Tensor weight, Tensor output, Conv2dGeometry g, int first, int count)
    {
        Conv2dGeometry c = g with { Batch = count };
        int pixels = g.OutHeight * g.OutWidth;
        int inSample = g.InChannels * g.InHeight * g.InWidth;
        int outSample = g.OutChannels * pixels;
        ReadOnlySpan<float> x = input.Span.Slice(first * inSample, count * inSample);
        Span<float> y = output.Span.Slice(first * outSample, count * outSample);
        if (g.IsDepthwise)
        {
            DepthwiseConvolution.Forward(x, weight.Span, default, y, c);
            return;
        }

        if (DirectConvolution.Supports(g))
        {
            DirectConvolution.Forward(x, weight.Span, y, c);
            return;
        }

        if (PlaneConvolution.Supports(g))
        {
            PlaneConvolution.Forward(x, weight.Span, y, c);
            return;
        }

        if (g.IsPointwise && g.Groups == 1)
        {
            for (int n = 0; n < count; n++)
            {
                Sgemm.Multiply(false, false, g.OutChannels, pixels, g.InChannels, 1, weight.Span, g.InChannels,
                    x.Slice(n * inSample, inSample), pixels, 0, y.Slice(n * outSample, outSample), pixels, 1);
            }

            return;
        }

        int patch = g.PatchSize;
        int width = count * pixels;
        int rows = g.GroupOutChannels;
        Span<float> columns = Workspace(ref t_columns, patch * width);

        // One sample's [O, P] product already is its NCHW output; several need a reorder.
        Span<float> product = count == 1 ? y : Workspace(ref t_product, g.OutChannels * width);
        for (int group = 0; group < g.Groups; group++)
        {
            Im2Col.Unfold(x, c, group, 0, count, columns);
            Sgemm.Multiply(false, false, rows, width, patch, 1, weight.Span.Slice(group * rows * patch), patch,
                columns, width, 0, product.Slice(group * rows * width), width, 1);
        }

        if (count > 1)
        {
            Reorder(product, y, g.OutChannels, count, pixels, toSampleMajor: true);
        }
    }

    private static void BackwardDataChunk(Tensor outputGradient, Tensor weight, Tensor inputGradient, Conv2dGeometry g, int first, int count)
    {
        Conv2dGeometry c = g with { Batch = count };
        int pixels = g.OutHeight * g.OutWidth;
        int inSample = g.InChannels * g.InHeight * g.InWidth;
        int outSample = g.OutChannels * pixels;
        ReadOnlySpan<float> dy = outputGradient.Span.Slice(first * outSample, count * outSample);
        Span<float> dx = inputGradient.Span.Slice(first * inSample, count * inSample);
        if (g.IsDepthwise)
        {
            DepthwiseConvolution.BackwardData(dy, weight.Span, dx, c);
            return;
        }

        if (g.IsPointwise && g.Groups == 1)
        {
            for (int n = 0; n < count; n++)
            {
                Sgemm.Multiply(true, false, g.InChannels, pixels, g.OutChannels, 1, weight.Span, g.InChannels,
                    dy.Slice(n * outSample, outSample), pixels, 0, dx.Slice(n * inSample, inSample), pixels, 1);
            }

            return;
        }

        int patch = g.PatchSize;
        int width = count * pixels;
        int rows = g.GroupOutChannels;
        Span<float> columns = Workspace(ref t_columns, patch * width);
        ReadOnlySpan<float> gradient = dy;
        if (count > 1)
        {
            Span<float> product = Workspace(ref t_product, g.OutChannels * width);
            Reorder(dy, product, g.OutChannels, count, pixels, toSampleMajor: false);
            gradient = product;
        }

        dx.Clear();
        for (int group = 0; group < g.Groups; group++)
        {
            Sgemm.Multiply(true, false, patch, width, rows, 1, weight.Span.Slice(group * rows * patch), patch,
                gradient.Slice(group * rows * width), width, 0, columns, width, 1);
            Im2Col.FoldAdd(columns, c, group, 0, count, dx);
        }
    }

    private static void BackwardFilterChunk(Tensor input, Tensor outputGradient, Span<float> weightGradient, Conv2dGeometry g, int first, int count)
    {
        Conv2dGeometry c = g with { Batch = count };
        int pixels = g.OutHeight * g.OutWidth;
        int inSample = g.InChannels * g.InHeight * g.InWidth;
        int outSample = g.OutChannels * pixels;
        ReadOnlySpan<float> x = input.Span.Slice(first * inSample, count * inSample);
        ReadOnlySpan<float> dy = outputGradient.Span.Slice(first * outSample, count * outSample);
        if (g.IsDepthwise)
        {
            DepthwiseConvolution.BackwardFilter(x, dy, weightGradient, default, c);
            return;
        }

        if (DirectConvolution.Supports(g))
        {
            DirectConvolution.BackwardFilter(x, dy, weightGradient, c);
            return;
        }

        if (PlaneConvolution.SupportsFilterGradient(g))
        {
            PlaneConvolution.BackwardFilter(x, dy, weightGradient, c);
            return;
        }

        if (g.IsPointwise && g.Groups == 1)
        {
            for (int n = 0; n < count; n++)
            {
                Sgemm.Multiply(false, true, g.OutChannels, g.InChannels, pixels, 1, dy.Slice(n * outSample, outSample), pixels,
                    x.Slice(n * inSample, inSample), pixels, 1, weightGradient, g.InChannels, 1);
            }

            return;
        }

        int patch = g.PatchSize;
        int width = count * pixels;
        int rows = g.GroupOutChannels;
        Span<float> columns = Workspace(ref t_columns, patch * width);
        ReadOnlySpan<float> gradient = dy;
        if (count > 1)
        {
            Span<float> product = Workspace(ref t_product, g.OutChannels * width);
            Reorder(dy, product, g.OutChannels, count, pixels, toSampleMajor: false);
            gradient = product;
        }

        for (int group = 0; group < g.Groups; group++)
        {
            Im2Col.UnfoldTransposed(x, c, group, 0, count, columns);
            Sgemm.Multiply(false, false, rows, patch, width, 1, gradient.Slice(group * rows * width), width,
                columns, patch, 1, weightGradient.Slice(group * rows * patch), patch, 1);
        }
    }

    // Converts between [count, channels, pixels] (sample-major, NCHW) and [channels, count·pixels].
    private static unsafe void Reorder(ReadOnlySpan<float> source, Span<float> destination, int channels, int count, int pixels, bool toSampleMajor)
    {
        int width = count * pixels;
        fixed (float* src = source)
        fixed (float* dst = destination)
        {
            for (int n = 0; n < count; n++)
            {
                for (int o = 0; o < channels; o++)
                {
                    int sampleMajor = ((n * channels) + o) * pixels;
                    int channelMajor = (o * width) + (n * pixels);
                    if (toSampleMajor)
                    {
                        ShortRows.Copy(src + channelMajor, dst + sampleMajor, pixels);
                    }
                    else
                    {
                        ShortRows.Copy(src + sampleMajor, dst + channelMajor, pixels);
                    }
                }
            }
        }
    }

    private static int ChunkSize(in Conv2dGeometry g)
    {
        long perSample = (long)Math.Max(g.PatchSize, g.OutChannels) * g.OutHeight * g.OutWidth;
        return (int)Math.Clamp(ColumnBudget / perSample, 1, g.Batch);
    }

    private static int Workers(in Conv2dGeometry g, int maxThreads)
    {
        int threads = maxThreads == 0 ? Environment.ProcessorCount : Math.Min(maxThreads, Environment.ProcessorCount);
        long work = (long)g.Batch * g.OutChannels * g.OutHeight * g.OutWidth * g.PatchSize;
        return work < ParallelThreshold ? 1 : Math.Max(1, Math.Min(threads, g.Batch));
    }

    // Cache-sized, and small enough that every worker gets at least one chunk.
    private static int ChunkSize(in Conv2dGeometry g, int workers)
        => Math.Min(ChunkSize(g), (g.Batch + workers - 1) / workers);

    // Workers take cache-sized chunks from a shared counter, so on a loaded machine a descheduled worker holds
    // up only the chunk it is on while the other takes the rest. Reductions ask for a fixed assignment instead
    // (worker w takes chunks w, w + workers, ...), which keeps their sums reproducible.
    private static void ForEachChunk(Conv2dGeometry g, int maxThreads, Action<int, int, int> body, bool fixedAssignment = false)
    {
        int workers = Workers(g, maxThreads);
        int chunk = ChunkSize(g, workers);
        if (workers == 1)
        {
            for (int first = 0; first < g.Batch; first += chunk)
            {
                body(first, Math.Min(chunk, g.Batch - first), 0);
            }

            return;
        }

        int chunks = (g.Batch + chunk - 1) / chunk;
        int next = -1;
        Parallel.For(0, workers, ParallelSettings.For(workers), w =>
        {
            if (fixedAssignment)
            {
                for (int index = w; index < chunks; index += workers)
                {
                    int first = index * chunk;
                    body(first, Math.Min(chunk, g.Batch - first), w);
                }

                return;
            }

            for (int index = Interlocked.Increment(ref next); index < chunks; index = Interlocked.Increment(ref next))
            {
                int first = index * chunk;
                body(first, Math.Min(chunk, g.Batch - first), w);
            }
        });
    }

    private static Span<float> Workspace(ref float[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<float>(length);
        }

        return buffer.AsSpan(0, length);
    }
}
