using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// Single-precision general matrix multiply, row-major: C ← alpha·op(A)·op(B) + beta·C.
/// Goto/BLIS structure: B is packed in KC×NC panels, A in MC×KC blocks, and a register-blocked FMA
/// micro-kernel walks them; threads split the larger of M and N statically, each packing its own panels.
/// A row-major B multiplied by few rows of A is read in place instead of packed.
/// </summary>
public static unsafe class Sgemm
{
    private const int KC = 256;
    private const int MCStrips = 16;
    private const int NCStrips = 64;

    // With fewer rows than this, B is read in place: its packing would be amortised over too few A strips.
    private const int InPlaceBRowLimit = 64;

    // Below this many multiply-adds (≈ 80 µs on one core) the fork-join risks more than it saves: measured on
    // LeNet-5's fc1 (3·10⁶), two threads took 2–4× longer than one whenever the other core was busy.
    private const long ParallelThreshold = 1L << 23;

    [ThreadStatic]
    private static float[]? t_packA;

    [ThreadStatic]
    private static float[]? t_packB;

    /// <summary>The micro-kernel the hardware supports best.</summary>
    public static SgemmKernelKind BestKernel { get; } =
        Vector512.IsHardwareAccelerated ? SgemmKernelKind.Vector512
        : Vector256.IsHardwareAccelerated ? SgemmKernelKind.Vector256
        : SgemmKernelKind.Scalar;

    /// <summary>
    /// C ← alpha·op(A)·op(B) + beta·C with op(A) of shape m×k and op(B) of shape k×n.
    /// When <paramref name="beta"/> is 0, C is overwritten (NaNs in it do not propagate).
    /// </summary>
    /// <param name="transposeA">A is stored k×m (row-major) and used transposed.</param>
    /// <param name="transposeB">B is stored n×k (row-major) and used transposed.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Storage of A.</param>
    /// <param name="lda">Row stride of A as stored.</param>
    /// <param name="b">Storage of B.</param>
    /// <param name="ldb">Row stride of B as stored.</param>
    /// <param name="beta">Scale of the existing C.</param>
    /// <param name="c">Storage of C (m×n).</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="maxThreads">Upper bound on threads; 0 uses every processor.</param>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc, int maxThreads = 0)
        => Multiply(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, maxThreads, BestKernel);

    /// <summary>As <see cref="Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, int)"/> with a chosen micro-kernel.</summary>
    /// <param name="transposeA">A is stored k×m and used transposed.</param>
    /// <param name="transposeB">B is stored n×k and used transposed.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Inner dimension.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Storage of A.</param>
    /// <param name="lda">Row stride of A.</param>
    /// <param name="b">Storage of B.</param>
    /// <param name="ldb">Row stride of B.</param>
    /// <param name="beta">Scale of the existing C.</param>
    /// <param name="c">Storage of C.</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="maxThreads">Upper bound on threads; 0 uses every processor.</param>
    /// <param name="kernel">The micro-kernel; must be supported by the hardware.</param>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc, int maxThreads, SgemmKernelKind kernel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(maxThreads);
        CheckOperand(nameof(a), a.Length, transposeA ? k : m, transposeA ? m : k, lda);
        CheckOperand(nameof(b), b.Length, transposeB ? n : k, transposeB ? k : n, ldb);
        CheckOperand(nameof(c), c.Length, m, n, ldc);
        if (kernel > BestKernel)
        {
            throw new PlatformNotSupportedException($"SGEMM kernel {kernel} is not supported by this processor.");
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        SgemmMicroKernel micro = SgemmMicroKernels.For(kernel);
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            var problem = new Problem(
                pa, transposeA ? 1 : lda, transposeA ? lda : 1,
                pb, transposeB ? 1 : ldb, transposeB ? ldb : 1,
                pc, ldc, alpha, beta, k, micro);

            int threads = maxThreads == 0 ? Environment.ProcessorCount : Math.Min(maxThreads, Environment.ProcessorCount);
            if (threads <= 1 || (long)m * n * k < ParallelThreshold)
            {
                problem.Run(0, m, 0, n);
                return;
            }

            bool splitColumns = n >= m;
            int extent = splitColumns ? n : m;
            int unit = splitColumns ? micro.NR : micro.MR;
            int chunk = (((extent + threads - 1) / threads) + unit - 1) / unit * unit;
            int parts = (extent + chunk - 1) / chunk;
            Parallel.For(0, parts, ParallelSettings.For(threads), part =>
            {
                int start = part * chunk;
                int length = Math.Min(chunk, extent - start);
                if (splitColumns)
                {
                    problem.Run(0, m, start, length);
                }
                else
                {
                    problem.Run(start, length, 0, n);
                }
            });
        }
    }

    private static void CheckOperand(string name, int length, int rows, int columns, int stride)
    {
        if (stride < Math.Max(1, columns))
        {
            throw new ArgumentException($"Leading dimension of {name} is {stride}, below its {columns} stored columns.", name);
        }

        long needed = rows == 0 || columns == 0 ? 0 : ((long)(rows - 1) * stride) + columns;
        if (length < needed)
        {
            throw new ArgumentException($"{name} has {length} elements, needs {needed} for {rows}×{columns} with stride {stride}.", name);
        }
    }

    private static float[] PackBuffer(ref float[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<float>(length, pinned: true);
        }

        return buffer;
    }

    /// <summary>One multiply: operand addresses with element strides, so transposes cost nothing beyond packing.</summary>
    private readonly struct Problem(
        float* a, int rowStrideA, int colStrideA,
        float* b, int rowStrideB, int colStrideB,
        float* c, int ldc, float alpha, float beta, int k, SgemmMicroKernel micro)
    {
        /// <summary>Computes the block of C at rows [i0, i0+m), columns [j0, j0+n).</summary>
        public void Run(int i0, int m, int j0, int n)
        {
            ScaleC(i0, m, j0, n);
            if (k == 0 || alpha == 0)
            {
                return;
            }

            int mr = micro.MR;
            int nr = micro.NR;
            int mcMax = mr * MCStrips;
            int ncMax = nr * NCStrips;
            float[] packA = PackBuffer(ref t_packA, mcMax * KC);
            float[] packB = PackBuffer(ref t_packB, ncMax * KC);
            float* tile = stackalloc float[mr * nr];
            fixed (float* pa = packA)
            fixed (float* pb = packB)
            {
                bool inPlaceB = colStrideB == 1 && m < InPlaceBRowLimit;
                for (int jc = 0; jc < n; jc += ncMax)
                {
                    int nc = Math.Min(ncMax, n - jc);
                    int fullColumns = nc / nr * nr;
                    for (int pc = 0; pc < k; pc += KC)
                    {
                        int kc = Math.Min(KC, k - pc);
                        if (!inPlaceB)
                        {
                            PackB(pb, pc, kc, j0 + jc, nc);
                        }
                        else if (fullColumns < nc)
                        {
                            // Only the ragged last strip is packed, for its zero padding.
                            PackB(pb + (fullColumns * kc), pc, kc, j0 + jc + fullColumns, nc - fullColumns);
                        }

                        for (int ic = 0; ic < m; ic += mcMax)
                        {
                            int mc = Math.Min(mcMax, m - ic);
                            PackA(pa, i0 + ic, mc, pc, kc);
                            for (int jr = 0; jr < nc; jr += nr)
                            {
                                int cols = Math.Min(nr, nc - jr);
                                bool direct = inPlaceB && cols == nr;
                                float* panel = direct ? b + ((long)pc * rowStrideB) + j0 + jc + jr : pb + (jr * kc);
                                int bStride = direct ? rowStrideB : nr;
                                for (int ir = 0; ir < mc; ir += mr)
                                {
                                    int rows = Math.Min(mr, mc - ir);
                                    float* target = c + ((long)(i0 + ic + ir) * ldc) + j0 + jc + jr;
                                    if (rows == mr && cols == nr)
                                    {
                                        micro.Run(kc, pa + (ir * kc), panel, bStride, target, ldc, alpha);
                                    }
                                    else
                                    {
                                        EdgeTile(kc, pa + (ir * kc), panel, bStride, target, rows, cols, tile);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        // A partial tile is computed into a zeroed scratch tile, then its valid part is added to C.
        private void EdgeTile(int kc, float* pa, float* panel, int bStride, float* target, int rows, int cols, float* tile)
        {
            int nr = micro.NR;
            new Span<float>(tile, micro.MR * nr).Clear();
            micro.Run(kc, pa, panel, bStride, tile, nr, alpha);
            for (int r = 0; r < rows; r++)
            {
                var dst = new Span<float>(target + ((long)r * ldc), cols);
                VectorKernels.Add(dst, new ReadOnlySpan<float>(tile + (r * nr), cols), dst);
            }
        }

        private void ScaleC(int i0, int m, int j0, int n)
        {
            if (beta == 1)
            {
                return;
            }

            for (int i = i0; i < i0 + m; i++)
            {
                var row = new Span<float>(c + ((long)i * ldc) + j0, n);
                if (beta == 0)
                {
                    row.Clear();
                }
                else
                {
                    VectorKernels.Scale(row, beta, row);
                }
            }
        }

        // Packs rows [i0, i0+mc) × columns [p0, p0+kc) of op(A) into MR-row strips, k-major, zero-padded.
        private void PackA(float* dst, int i0, int mc, int p0, int kc)
        {
            int mr = micro.MR;
            for (int s = 0; s < mc; s += mr)
            {
                int rows = Math.Min(mr, mc - s);
                float* strip = dst + (s * kc);
                float* src = a + ((long)(i0 + s) * rowStrideA) + ((long)p0 * colStrideA);
                if (colStrideA == 1)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        float* row = src + ((long)r * rowStrideA);
                        for (int p = 0; p < kc; p++)
                        {
                            strip[(p * mr) + r] = row[p];
                        }
                    }
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                    {
                        float* column = src + ((long)p * colStrideA);
                        for (int r = 0; r < rows; r++)
                        {
                            strip[(p * mr) + r] = column[(long)r * rowStrideA];
                        }
                    }
                }

                for (int r = rows; r < mr; r++)
                {
                    for (int p = 0; p < kc; p++)
                    {
                        strip[(p * mr) + r] = 0;
                    }
                }
            }
        }

        // Packs rows [p0, p0+kc) × columns [j0, j0+nc) of op(B) into NR-column strips, k-major, zero-padded.
        private void PackB(float* dst, int p0, int kc, int j0, int nc)
        {
            int nr = micro.NR;
            for (int s = 0; s < nc; s += nr)
            {
                int cols = Math.Min(nr, nc - s);
                float* strip = dst + (s * kc);
                float* src = b + ((long)p0 * rowStrideB) + ((long)(j0 + s) * colStrideB);
                if (colStrideB == 1)
                {
                    for (int p = 0; p < kc; p++)
                    {
                        float* row = src + ((long)p * rowStrideB);
                        float* packed = strip + (p * nr);
                        new ReadOnlySpan<float>(row, cols).CopyTo(new Span<float>(packed, cols));
                        for (int j = cols; j < nr; j++)
                        {
                            packed[j] = 0;
                        }
                    }
                }
                else
                {
                    for (int j = 0; j < cols; j++)
                    {
                        float* column = src + ((long)j * colStrideB);
                        for (int p = 0; p < kc; p++)
                        {
                            strip[(p * nr) + j] = column[(long)p * rowStrideB];
                        }
                    }

                    for (int p = 0; p < kc; p++)
                    {
                        for (int j = cols; j < nr; j++)
                        {
                            strip[(p * nr) + j] = 0;
                        }
                    }
                }
            }
        }
    }
}
