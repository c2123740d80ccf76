using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Kernels;

public class PoolingKernelTests
{
    // LeNet's two pools (28 and 10 pixels), odd sides that floor away a row and a column, rows wider than one
    // 16-window step (33, 64, 70), and single windows.
    public static TheoryData<int, int, int, int> Shapes() => new()
    {
        { 3, 6, 28, 28 },
        { 5, 16, 10, 10 },
        { 2, 3, 7, 9 },
        { 1, 1, 2, 2 },
        { 1, 2, 3, 3 },
        { 2, 2, 5, 33 },
        { 1, 3, 6, 64 },
        { 2, 1, 4, 70 },
        { 1, 1, 31, 2 },
        { 4, 5, 14, 14 },
    };

    [Theory]
    [MemberData(nameof(ShapesAndWidths), 1)]
    public void Max_pool_2x2_matches_the_window_definition_including_ties_and_argmax(int batch, int channels, int height, int width, int widest)
    {
        var g = new Pool2dGeometry(batch, channels, height, width, 2, 2, 0);
        var random = new RandomSource(5);
        float[] x = new float[batch * channels * height * width];
        random.FillUniform(x, -2, 2);

        // Round to quarters so windows hold ties, which must resolve to the first maximum in row order.
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = MathF.Round(x[i] * 4) / 4;
        }

        int outputs = batch * channels * g.OutHeight * g.OutWidth;
        float[] y = new float[outputs];
        int[] argmax = new int[outputs];
        PoolingKernels.MaxForward2x2(x, y, argmax, g, widest);
        int o = 0;
        for (int p = 0; p < batch * channels; p++)
        {
            int plane = p * height * width;
            for (int oh = 0; oh < g.OutHeight; oh++)
            {
                for (int ow = 0; ow < g.OutWidth; ow++, o++)
                {
                    int best = (2 * oh * width) + (2 * ow);
                    foreach (int candidate in new[] { best + 1, best + width, best + width + 1 })
                    {
                        if (x[plane + candidate] > x[plane + best])
                        {
                            best = candidate;
                        }
                    }

                    Assert.Equal(x[plane + best], y[o]);
                    Assert.Equal(best, argmax[o]);
                }
            }
        }
    }

    // Every path this machine runs: 16 windows per step (AVX-512), 8 (AVX2, also the tail of 16-wide rows),
    // down to the scalar loop. (With DOTNET_EnableAVX512=0 the 16-wide path is absent, as on an AVX2-only CPU.)
    public static TheoryData<int, int, int, int, int> ShapesAndWidths(int narrowest)
    {
        var data = new TheoryData<int, int, int, int, int>();
        int[] widths = [.. new[] { System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? 16 : 0, System.Runtime.Intrinsics.X86.Avx2.IsSupported ? 8 : 0, 1 }.Where(w => w >= Math.Max(1, narrowest))];
        foreach (int widest in widths)
        {
            foreach (var shape in Shapes())
            {
                data.Add((int)shape[0], (int)shape[1], (int)shape[2], (int)shape[3], widest);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesAndWidths), 8)]
    public void Vector_max_pool_2x2_paths_give_the_scalar_loops_bits_and_indices_with_nan(int batch, int channels, int height, int width, int widest)
    {
        var g = new Pool2dGeometry(batch, channels, height, width, 2, 2, 0);
        float[] x = new float[batch * channels * height * width];
        new RandomSource(17).FillUniform(x, -2, 2);
        for (int i = 0; i < x.Length; i += 7)
        {
            x[i] = MathF.Round(x[i] * 2) / 2; // ties
        }

        x[x.Length / 3] = float.NaN;
        int outputs = batch * channels * g.OutHeight * g.OutWidth;
        float[] y = new float[outputs], reference = new float[outputs];
        int[] argmax = new int[outputs], referenceArgmax = new int[outputs];
        PoolingKernels.MaxForward2x2(x, y, argmax, g, widest);
        PoolingKernels.MaxForward2x2(x, reference, referenceArgmax, g, 1);
        Assert.Equal(referenceArgmax, argmax);
        Assert.Equal(reference.Select(BitConverter.SingleToInt32Bits), y.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Max_pool_2x2_propagates_nan_in_the_vector_and_the_scalar_windows()
    {
        // 20 windows per row: windows 0–15 take the 16-wide step, the last four the scalar loop.
        var g = new Pool2dGeometry(1, 1, 2, 40, 2, 2, 0);
        float[] x = new float[80];
        x[41] = float.NaN;
        x[35] = float.NaN;
        float[] y = new float[20];
        int[] argmax = new int[20];
        PoolingKernels.MaxForward(x, y, argmax, g);
        for (int o = 0; o < 20; o++)
        {
            Assert.Equal(o is 0 or 17, float.IsNaN(y[o]));
        }
    }
}
