using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Kernels;

public class ConvolutionKernelTests
{
    public static TheoryData<Conv2dGeometry> Geometries() => new()
    {
        new Conv2dGeometry(2, 1, 28, 28, 6, 5, 5, 1, 2, 1),
        new Conv2dGeometry(3, 3, 32, 32, 6, 5, 5, 1, 0, 1),
        new Conv2dGeometry(2, 2, 24, 24, 5, 5, 5, 1, 1, 1),
        new Conv2dGeometry(2, 2, 20, 19, 3, 3, 3, 1, 1, 1),
        new Conv2dGeometry(2, 1, 24, 24, 4, 3, 3, 1, 1, 1),
        new Conv2dGeometry(2, 3, 17, 30, 7, 3, 3, 1, 0, 1),
        new Conv2dGeometry(40, 6, 14, 14, 16, 5, 5, 1, 0, 1),
        new Conv2dGeometry(3, 6, 14, 14, 16, 5, 5, 1, 0, 1),
        new Conv2dGeometry(2, 3, 9, 7, 4, 3, 3, 2, 1, 1),
        new Conv2dGeometry(2, 8, 6, 6, 12, 1, 1, 1, 0, 1),
        new Conv2dGeometry(2, 8, 7, 7, 8, 3, 3, 1, 1, 8),
        new Conv2dGeometry(1, 6, 9, 9, 6, 5, 5, 2, 2, 6),
        new Conv2dGeometry(2, 4, 5, 5, 6, 3, 3, 1, 1, 2),
        new Conv2dGeometry(1, 2, 3, 3, 3, 3, 3, 1, 0, 1),
        new Conv2dGeometry(1, 1, 1, 1, 1, 1, 1, 1, 0, 1),
        new Conv2dGeometry(2, 3, 4, 4, 5, 1, 1, 2, 0, 1),
    };

    [Fact]
    public void Two_thread_filter_gradient_is_bit_for_bit_the_same_however_threads_are_scheduled()
    {
        // LeNet-5's second convolution at batch 64: eight chunks over two workers. The per-worker partial sums
        // must not follow thread scheduling, or a seed would not fix the trained model. Busy threads on both
        // cores make the workers' interleaving irregular, as on a loaded machine.
        var g = new Conv2dGeometry(64, 6, 14, 14, 16, 5, 5, 1, 0, 1);
        var random = new RandomSource(5);
        var x = new Tensor(g.Batch, g.InChannels, g.InHeight, g.InWidth);
        var dy = new Tensor(g.Batch, g.OutChannels, g.OutHeight, g.OutWidth);
        random.FillUniform(x.Span, -1, 1);
        random.FillUniform(dy.Span, -1, 1);
        var backend = new CpuBackend(2);
        var dw = new Tensor(g.OutChannels, g.GroupInChannels, g.KernelHeight, g.KernelWidth);
        var db = new Tensor(g.OutChannels);
        backend.Conv2dBackwardFilter(x, dy, dw, db, g);
        float[] first = dw.Span.ToArray();

        using var stop = new CancellationTokenSource();
        Thread[] noise = [.. Enumerable.Range(0, 2).Select(i => new Thread(() =>
        {
            var jitter = new RandomSource((ulong)i + 1);
            while (!stop.IsCancellationRequested)
            {
                Thread.SpinWait(1 + (int)(jitter.NextUInt64() % 20_000));
                Thread.Yield();
            }
        }) { IsBackground = true })];
        foreach (var thread in noise)
        {
            thread.Start();
        }

        int differing = 0;
        try
        {
            for (int repeat = 0; repeat < 200; repeat++)
            {
                dw.Fill(0);
                db.Fill(0);
                backend.Conv2dBackwardFilter(x, dy, dw, db, g);
                differing += dw.Span.SequenceEqual(first) ? 0 : 1;
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var thread in noise)
            {
                thread.Join();
            }
        }

        Assert.Equal(0, differing);
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Forward_and_both_backward_passes_match_direct_loops(Conv2dGeometry g)
    {
        var random = new RandomSource(11);
        var x = new Tensor(g.Batch, g.InChannels, g.InHeight, g.InWidth);
        var w = new Tensor(g.OutChannels, g.GroupInChannels, g.KernelHeight, g.KernelWidth);
        var bias = new Tensor(g.OutChannels);
        var dy = new Tensor(g.Batch, g.OutChannels, g.OutHeight, g.OutWidth);
        random.FillUniform(x.Span, -1, 1);
        random.FillUniform(w.Span, -1, 1);
        random.FillUniform(bias.Span, -1, 1);
        random.FillUniform(dy.Span, -1, 1);
        var backend = new CpuBackend();

        var y = new Tensor(dy.Shape.ToArray());
        backend.Conv2dForward(x, w, bias, y, g);
        var dx = new Tensor(x.Shape.ToArray());
        dx.Fill(123);
        backend.Conv2dBackwardData(dy, w, dx, g);
        var dw = new Tensor(w.Shape.ToArray());
        var db = new Tensor(g.OutChannels);
        dw.Fill(1);
        db.Fill(1);
        backend.Conv2dBackwardFilter(x, dy, dw, db, g);

        double[] yRef = new double[y.Length];
        double[] dxRef = new double[x.Length];
        double[] dwRef = new double[w.Length];
        double[] dbRef = new double[g.OutChannels];
        ForEachTap(g, (yi, xi, wi, o) =>
        {
            yRef[yi] += x[xi] * (double)w[wi];
            dxRef[xi] += dy[yi] * (double)w[wi];
            dwRef[wi] += dy[yi] * (double)x[xi];
        });
        for (int i = 0; i < y.Length; i++)
        {
            int o = i / (g.OutHeight * g.OutWidth) % g.OutChannels;
            yRef[i] += bias[o];
            dbRef[o] += dy[i];
        }

        AssertClose(yRef, y.Storage, 0);
        AssertClose(dxRef, dx.Storage, 0);
        AssertClose(dwRef, dw.Storage, 1);
        AssertClose(dbRef, db.Storage, 1);
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Transposed_unfold_is_the_transpose_of_unfold(Conv2dGeometry g)
    {
        var x = new float[g.Batch * g.InChannels * g.InHeight * g.InWidth];
        new RandomSource(5).FillUniform(x, -1, 1);
        int width = g.Batch * g.OutHeight * g.OutWidth;
        float[] columns = new float[g.PatchSize * width];
        float[] rows = new float[g.PatchSize * width];
        for (int group = 0; group < g.Groups; group++)
        {
            Im2Col.Unfold(x, g, group, 0, g.Batch, columns);
            Im2Col.UnfoldTransposed(x, g, group, 0, g.Batch, rows);
            for (int k = 0; k < g.PatchSize; k++)
            {
                for (int j = 0; j < width; j++)
                {
                    Assert.Equal(columns[(k * width) + j], rows[(j * g.PatchSize) + k]);
                }
            }
        }
    }

    [Fact]
    public void Direct_convolution_claims_only_small_stride_one_layers()
    {
        // Vector512 or Vector256 rows; without either the im2col path serves LeNet's first layer.
        Assert.Equal(Sgemm.BestKernel != SgemmKernelKind.Scalar, DirectConvolution.Supports(new Conv2dGeometry(1, 1, 28, 28, 6, 5, 5, 1, 2, 1)));
        Assert.False(DirectConvolution.Supports(new Conv2dGeometry(1, 6, 14, 14, 16, 5, 5, 1, 0, 1)));
        Assert.False(DirectConvolution.Supports(new Conv2dGeometry(1, 1, 28, 28, 6, 5, 5, 2, 2, 1)));
        Assert.False(DirectConvolution.Supports(new Conv2dGeometry(1, 8, 28, 28, 6, 5, 5, 1, 2, 1)));
        Assert.False(DirectConvolution.Supports(new Conv2dGeometry(1, 1, 28, 28, 6, 5, 3, 1, 2, 1)));
        Assert.False(DirectConvolution.Supports(new Conv2dGeometry(1, 1, 28, 28, 6, 3, 5, 1, 2, 1)));
    }

    // Every direct-convolution path this machine runs: 16-lane steps (AVX-512) and 8-lane steps (AVX2), on
    // geometries with output rows of 17 to 32 pixels, 5×5 taps (the paired five-tap filter kernels) and others,
    // and odd channel counts (the one-channel remainders). With DOTNET_EnableAVX512=0 only the 8-lane path is here.
    public static TheoryData<Conv2dGeometry, int> DirectGeometriesAndWidths()
    {
        var data = new TheoryData<Conv2dGeometry, int>();
        Conv2dGeometry[] geometries =
        [
            new(2, 1, 28, 28, 6, 5, 5, 1, 2, 1),
            new(3, 3, 32, 32, 6, 5, 5, 1, 0, 1),
            new(2, 2, 24, 24, 5, 5, 5, 1, 1, 1),
            new(2, 2, 20, 19, 3, 3, 3, 1, 1, 1),
            new(2, 3, 17, 30, 7, 3, 3, 1, 0, 1),
            new(1, 1, 32, 32, 4, 5, 5, 1, 2, 1),
            new(1, 2, 21, 21, 3, 5, 5, 1, 0, 1),
            new(2, 1, 18, 18, 1, 1, 1, 1, 0, 1),
        ];
        int[] widths = [.. new[] { System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 16 : 0, System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 8 : 0 }.Where(w => w > 0)];
        foreach (int widest in widths)
        {
            foreach (Conv2dGeometry g in geometries)
            {
                data.Add(g, widest);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DirectGeometriesAndWidths))]
    public void Direct_convolution_paths_match_direct_loops(Conv2dGeometry g, int widest)
    {
        var random = new RandomSource(23);
        float[] x = new float[g.Batch * g.InChannels * g.InHeight * g.InWidth];
        float[] w = new float[g.OutChannels * g.PatchSize];
        float[] dy = new float[g.Batch * g.OutChannels * g.OutHeight * g.OutWidth];
        random.FillUniform(x, -1, 1);
        random.FillUniform(w, -1, 1);
        random.FillUniform(dy, -1, 1);
        float[] y = new float[dy.Length];
        Array.Fill(y, float.NaN);
        float[] dw = new float[w.Length];
        Array.Fill(dw, 1f);
        DirectConvolution.Forward(x, w, y, g, widest);
        DirectConvolution.BackwardFilter(x, dy, dw, g, widest);

        double[] yRef = new double[y.Length];
        double[] dwRef = new double[w.Length];
        ForEachTap(g, (yi, xi, wi, o) =>
        {
            yRef[yi] += x[xi] * (double)w[wi];
            dwRef[wi] += dy[yi] * (double)x[xi];
        });
        AssertClose(yRef, y, 0);
        AssertClose(dwRef, dw, 1);
    }

    // Geometries the plane kernel claims: LeNet's second layer, padding, non-square taps, odd channel counts
    // (the unpaired last channel in every pass), one-pixel outputs and patches that are not a multiple of five;
    // each on every path this machine runs (16 lanes with AVX-512, 8 with AVX2; DOTNET_EnableAVX512=0 leaves 8).
    public static TheoryData<Conv2dGeometry, int> PlaneGeometriesAndWidths()
    {
        var data = new TheoryData<Conv2dGeometry, int>();
        Conv2dGeometry[] geometries =
        [
            new(2, 6, 14, 14, 16, 5, 5, 1, 0, 1),
            new(1, 3, 10, 12, 5, 3, 3, 1, 1, 1),
            new(2, 5, 9, 9, 3, 5, 3, 1, 2, 1),
            new(1, 2, 3, 3, 3, 3, 3, 1, 0, 1),
            new(3, 1, 16, 16, 1, 7, 7, 1, 0, 1),
            new(1, 4, 6, 14, 2, 2, 6, 1, 1, 1),
        ];
        int[] widths = [.. new[] { System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 16 : 0, System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 8 : 0 }.Where(w => w > 0)];
        foreach (int widest in widths)
        {
            foreach (Conv2dGeometry g in geometries)
            {
                data.Add(g, widest);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlaneGeometriesAndWidths))]
    public void Plane_convolution_matches_direct_loops(Conv2dGeometry g, int widest)
    {
        Assert.True(PlaneConvolution.Supports(g));
        var random = new RandomSource(29);
        float[] x = new float[g.Batch * g.InChannels * g.InHeight * g.InWidth];
        float[] w = new float[g.OutChannels * g.PatchSize];
        float[] dy = new float[g.Batch * g.OutChannels * g.OutHeight * g.OutWidth];
        random.FillUniform(x, -1, 1);
        random.FillUniform(w, -1, 1);
        random.FillUniform(dy, -1, 1);
        float[] y = new float[dy.Length];
        Array.Fill(y, float.NaN);
        float[] dw = new float[w.Length];
        Array.Fill(dw, 1f);
        PlaneConvolution.Forward(x, w, y, g, widest);
        PlaneConvolution.BackwardFilter(x, dy, dw, g); // one 8-lane path, whatever the forward width

        double[] yRef = new double[y.Length];
        double[] dwRef = new double[w.Length];
        ForEachTap(g, (yi, xi, wi, o) =>
        {
            yRef[yi] += x[xi] * (double)w[wi];
            dwRef[wi] += dy[yi] * (double)x[xi];
        });
        AssertClose(yRef, y, 0);
        AssertClose(dwRef, dw, 1);
    }

    [Fact]
    public void Plane_convolution_leaves_long_rows_strides_groups_and_pointwise_layers_to_others()
    {
        // Vector256 at least; without it the im2col path serves even LeNet's second layer.
        Assert.Equal(Sgemm.BestKernel != SgemmKernelKind.Scalar, PlaneConvolution.Supports(new Conv2dGeometry(1, 6, 14, 14, 16, 5, 5, 1, 0, 1)));
        // Its filter gradient only where it measured faster than im2col: AVX2 without AVX-512.
        Assert.Equal(Sgemm.BestKernel == SgemmKernelKind.Vector256, PlaneConvolution.SupportsFilterGradient(new Conv2dGeometry(1, 6, 14, 14, 16, 5, 5, 1, 0, 1)));
        Assert.False(PlaneConvolution.Supports(new Conv2dGeometry(1, 1, 28, 28, 6, 5, 5, 1, 2, 1)));
        Assert.False(PlaneConvolution.Supports(new Conv2dGeometry(1, 6, 14, 14, 16, 5, 5, 2, 0, 1)));
        Assert.False(PlaneConvolution.Supports(new Conv2dGeometry(1, 8, 7, 7, 8, 3, 3, 1, 1, 8)));
        Assert.False(PlaneConvolution.Supports(new Conv2dGeometry(1, 8, 6, 6, 12, 1, 1, 1, 0, 1)));
        Assert.False(PlaneConvolution.Supports(new Conv2dGeometry(1, 64, 8, 8, 64, 3, 3, 1, 1, 1)));
    }

    [Fact]
    public void Valid_range_excludes_padding_columns()
    {
        Assert.Equal((2, 5), Im2Col.ValidRange(0, 2, 1, 5, 5));
        Assert.Equal((0, 3), Im2Col.ValidRange(4, 2, 1, 5, 5));
        Assert.Equal((1, 4), Im2Col.ValidRange(0, 1, 2, 7, 4));
    }

    private static void ForEachTap(Conv2dGeometry g, Action<int, int, int, int> tap)
    {
        for (int n = 0; n < g.Batch; n++)
        {
            for (int o = 0; o < g.OutChannels; o++)
            {
                int group = o / g.GroupOutChannels;
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    for (int ow = 0; ow < g.OutWidth; ow++)
                    {
                        int yi = (((((n * g.OutChannels) + o) * g.OutHeight) + oh) * g.OutWidth) + ow;
                        for (int c = 0; c < g.GroupInChannels; c++)
                        {
                            int ci = (group * g.GroupInChannels) + c;
                            for (int kh = 0; kh < g.KernelHeight; kh++)
                            {
                                for (int kw = 0; kw < g.KernelWidth; kw++)
                                {
                                    int ih = (oh * g.Stride) - g.Padding + kh;
                                    int iw = (ow * g.Stride) - g.Padding + kw;
                                    if (ih < 0 || iw < 0 || ih >= g.InHeight || iw >= g.InWidth)
                                    {
                                        continue;
                                    }

                                    int xi = (((((n * g.InChannels) + ci) * g.InHeight) + ih) * g.InWidth) + iw;
                                    int wi = (((((o * g.GroupInChannels) + c) * g.KernelHeight) + kh) * g.KernelWidth) + kw;
                                    tap(yi, xi, wi, o);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void AssertClose(double[] expected, float[] actual, double offset)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double want = expected[i] + offset;
            Assert.True(Math.Abs(want - actual[i]) <= 1e-4 * (1 + Math.Abs(want)), $"element {i}: {actual[i]} vs {want}");
        }
    }
}
