using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Kernels;

public class SgemmTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 1 }, { 3, 5, 7 }, { 17, 33, 65 }, { 8, 32, 1 }, { 1, 100, 3 }, { 100, 1, 9 },
        { 6, 16, 256 }, { 7, 31, 257 }, { 129, 97, 300 }, { 64, 2049, 5 }, { 300, 40, 513 }, { 250, 260, 70 },
        { 257, 131, 261 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Matches_the_naive_product_for_every_transpose_and_kernel(int m, int n, int k)
    {
        foreach (SgemmKernelKind kernel in Enum.GetValues<SgemmKernelKind>().Where(kind => kind <= Sgemm.BestKernel))
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    foreach (int threads in new[] { 1, 2 })
                    {
                        Check(m, n, k, ta, tb, kernel, threads, alpha: 1.5f, beta: 0.5f);
                    }
                }
            }
        }
    }

    [Fact]
    public void Beta_zero_overwrites_nan_and_k_zero_only_scales()
    {
        float[] c = [float.NaN, float.NaN, 2, 2];
        Sgemm.Multiply(false, false, 1, 2, 1, 1, [1f], 1, [3f, 4f], 2, 0, c, 2);
        Assert.Equal([3f, 4f, 2f, 2f], c);
        float[] d = [1, 2, 3];
        Sgemm.Multiply(false, false, 1, 3, 0, 1, [], 1, [], 3, 2, d, 3);
        Assert.Equal([2f, 4f, 6f], d);
    }

    [Fact]
    public void Leading_dimensions_larger_than_the_matrix_are_respected()
    {
        // A 2×2 inside a 2×3 buffer, C 2×2 inside 2×4.
        float[] a = [1, 2, 99, 3, 4, 99];
        float[] b = [5, 6, 7, 8];
        float[] c = [0, 0, -1, -1, 0, 0, -1, -1];
        Sgemm.Multiply(false, false, 2, 2, 2, 1, a, 3, b, 2, 0, c, 4);
        Assert.Equal([19f, 22f, -1f, -1f, 43f, 50f, -1f, -1f], c);
    }

    [Fact]
    public void Short_buffers_and_small_leading_dimensions_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Sgemm.Multiply(false, false, 2, 2, 2, 1, new float[3], 2, new float[4], 2, 0, new float[4], 2));
        Assert.Throws<ArgumentException>(() => Sgemm.Multiply(false, false, 2, 2, 2, 1, new float[4], 1, new float[4], 2, 0, new float[4], 2));
        Assert.Throws<ArgumentException>(() => Sgemm.Multiply(false, false, 2, 2, 2, 1, new float[4], 2, new float[4], 2, 0, new float[3], 2));
    }

    private static void Check(int m, int n, int k, bool ta, bool tb, SgemmKernelKind kernel, int threads, float alpha, float beta)
    {
        var random = new RandomSource((ulong)((m * 7919) + (n * 31) + k));
        int lda = ta ? m : k;
        int ldb = tb ? k : n;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        random.FillUniform(a, -1, 1);
        random.FillUniform(b, -1, 1);
        random.FillUniform(c, -1, 1);
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float av = ta ? a[(p * lda) + i] : a[(i * lda) + p];
                    float bv = tb ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += (double)av * bv;
                }

                expected[(i * n) + j] = (alpha * sum) + (beta * c[(i * n) + j]);
            }
        }

        Sgemm.Multiply(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, n, threads, kernel);
        double tolerance = 1e-5 * (k + 4);
        for (int i = 0; i < c.Length; i++)
        {
            if (Math.Abs(c[i] - expected[i]) > tolerance)
            {
                Assert.Fail($"{m}×{n}×{k} ta={ta} tb={tb} {kernel} threads={threads}: C[{i}] = {c[i]}, expected {expected[i]}");
            }
        }
    }
}
