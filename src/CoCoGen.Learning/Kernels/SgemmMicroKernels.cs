using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// Register-blocked SGEMM micro-kernels. Each keeps an MR×NR block of C in vector registers and streams
/// a packed A strip (MR values per k step) and a B panel of NR values per k step, bStride apart: NR when
/// packed, the matrix row stride when read in place.
/// </summary>
internal static unsafe class SgemmMicroKernels
{
    /// <summary>8×32 micro-kernel on Vector512: C[8×32] += alpha · Apanel · Bpanel over <paramref name="kc"/> steps.</summary>
    private static void Kernel8x32Vector512(int kc, float* a, float* b, int bStride, float* c, int ldc, float alpha)
    {
        Vector512<float> c00 = default; Vector512<float> c01 = default;
        Vector512<float> c10 = default; Vector512<float> c11 = default;
        Vector512<float> c20 = default; Vector512<float> c21 = default;
        Vector512<float> c30 = default; Vector512<float> c31 = default;
        Vector512<float> c40 = default; Vector512<float> c41 = default;
        Vector512<float> c50 = default; Vector512<float> c51 = default;
        Vector512<float> c60 = default; Vector512<float> c61 = default;
        Vector512<float> c70 = default; Vector512<float> c71 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> a0 = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            Vector512<float> a1 = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            Vector512<float> a2 = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            Vector512<float> a3 = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            Vector512<float> a4 = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            Vector512<float> a5 = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            Vector512<float> a6 = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
            Vector512<float> a7 = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
            a += 8;
            b += bStride;
        }

        Vector512<float> scale = Vector512.Create(alpha);
        Vector512.FusedMultiplyAdd(c00, scale, Vector512.Load(c + 0)).Store(c + 0);
        Vector512.FusedMultiplyAdd(c01, scale, Vector512.Load(c + 16)).Store(c + 16);
        Vector512.FusedMultiplyAdd(c10, scale, Vector512.Load(c + (ldc * 1) + 0)).Store(c + (ldc * 1) + 0);
        Vector512.FusedMultiplyAdd(c11, scale, Vector512.Load(c + (ldc * 1) + 16)).Store(c + (ldc * 1) + 16);
        Vector512.FusedMultiplyAdd(c20, scale, Vector512.Load(c + (ldc * 2) + 0)).Store(c + (ldc * 2) + 0);
        Vector512.FusedMultiplyAdd(c21, scale, Vector512.Load(c + (ldc * 2) + 16)).Store(c + (ldc * 2) + 16);
        Vector512.FusedMultiplyAdd(c30, scale, Vector512.Load(c + (ldc * 3) + 0)).Store(c + (ldc * 3) + 0);
        Vector512.FusedMultiplyAdd(c31, scale, Vector512.Load(c + (ldc * 3) + 16)).Store(c + (ldc * 3) + 16);
        Vector512.FusedMultiplyAdd(c40, scale, Vector512.Load(c + (ldc * 4) + 0)).Store(c + (ldc * 4) + 0);
        Vector512.FusedMultiplyAdd(c41, scale, Vector512.Load(c + (ldc * 4) + 16)).Store(c + (ldc * 4) + 16);
        Vector512.FusedMultiplyAdd(c50, scale, Vector512.Load(c + (ldc * 5) + 0)).Store(c + (ldc * 5) + 0);
        Vector512.FusedMultiplyAdd(c51, scale, Vector512.Load(c + (ldc * 5) + 16)).Store(c + (ldc * 5) + 16);
        Vector512.FusedMultiplyAdd(c60, scale, Vector512.Load(c + (ldc * 6) + 0)).Store(c + (ldc * 6) + 0);
        Vector512.FusedMultiplyAdd(c61, scale, Vector512.Load(c + (ldc * 6) + 16)).Store(c + (ldc * 6) + 16);
        Vector512.FusedMultiplyAdd(c70, scale, Vector512.Load(c + (ldc * 7) + 0)).Store(c + (ldc * 7) + 0);
        Vector512.FusedMultiplyAdd(c71, scale, Vector512.Load(c + (ldc * 7) + 16)).Store(c + (ldc * 7) + 16);
    }

    /// <summary>6×16 micro-kernel on Vector256: C[6×16] += alpha · Apanel · Bpanel over <paramref name="kc"/> steps.</summary>
    private static void Kernel6x16Vector256(int kc, float* a, float* b, int bStride, float* c, int ldc, float alpha)
    {
        Vector256<float> c00 = default; Vector256<float> c01 = default;
        Vector256<float> c10 = default; Vector256<float> c11 = default;
        Vector256<float> c20 = default; Vector256<float> c21 = default;
        Vector256<float> c30 = default; Vector256<float> c31 = default;
        Vector256<float> c40 = default; Vector256<float> c41 = default;
        Vector256<float> c50 = default; Vector256<float> c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b + 0);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> a0 = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            Vector256<float> a1 = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            Vector256<float> a2 = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            Vector256<float> a3 = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            Vector256<float> a4 = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            Vector256<float> a5 = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            a += 6;
            b += bStride;
        }

        Vector256<float> scale = Vector256.Create(alpha);
        Vector256.FusedMultiplyAdd(c00, scale, Vector256.Load(c + 0)).Store(c + 0);
        Vector256.FusedMultiplyAdd(c01, scale, Vector256.Load(c + 8)).Store(c + 8);
        Vector256.FusedMultiplyAdd(c10, scale, Vector256.Load(c + (ldc * 1) + 0)).Store(c + (ldc * 1) + 0);
        Vector256.FusedMultiplyAdd(c11, scale, Vector256.Load(c + (ldc * 1) + 8)).Store(c + (ldc * 1) + 8);
        Vector256.FusedMultiplyAdd(c20, scale, Vector256.Load(c + (ldc * 2) + 0)).Store(c + (ldc * 2) + 0);
        Vector256.FusedMultiplyAdd(c21, scale, Vector256.Load(c + (ldc * 2) + 8)).Store(c + (ldc * 2) + 8);
        Vector256.FusedMultiplyAdd(c30, scale, Vector256.Load(c + (ldc * 3) + 0)).Store(c + (ldc * 3) + 0);
        Vector256.FusedMultiplyAdd(c31, scale, Vector256.Load(c + (ldc * 3) + 8)).Store(c + (ldc * 3) + 8);
        Vector256.FusedMultiplyAdd(c40, scale, Vector256.Load(c + (ldc * 4) + 0)).Store(c + (ldc * 4) + 0);
        Vector256.FusedMultiplyAdd(c41, scale, Vector256.Load(c + (ldc * 4) + 8)).Store(c + (ldc * 4) + 8);
        Vector256.FusedMultiplyAdd(c50, scale, Vector256.Load(c + (ldc * 5) + 0)).Store(c + (ldc * 5) + 0);
        Vector256.FusedMultiplyAdd(c51, scale, Vector256.Load(c + (ldc * 5) + 8)).Store(c + (ldc * 5) + 8);
    }

    /// <summary>4×4 scalar micro-kernel for machines without 256-bit vectors.</summary>
    private static void Kernel4x4Scalar(int kc, float* a, float* b, int bStride, float* c, int ldc, float alpha)
    {
        float* acc = stackalloc float[16];
        for (int i = 0; i < 16; i++)
        {
            acc[i] = 0;
        }

        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < 4; r++)
            {
                float ar = a[r];
                for (int j = 0; j < 4; j++)
                {
                    acc[(r * 4) + j] += ar * b[j];
                }
            }

            a += 4;
            b += bStride;
        }

        for (int r = 0; r < 4; r++)
        {
            for (int j = 0; j < 4; j++)
            {
                c[(r * ldc) + j] += alpha * acc[(r * 4) + j];
            }
        }
    }

    /// <summary>The micro-kernel and its tile shape for an instruction set.</summary>
    /// <param name="kind">The instruction set.</param>
    public static SgemmMicroKernel For(SgemmKernelKind kind) => kind switch
    {
        SgemmKernelKind.Vector512 => new SgemmMicroKernel(&Kernel8x32Vector512, 8, 32),
        SgemmKernelKind.Vector256 => new SgemmMicroKernel(&Kernel6x16Vector256, 6, 16),
        _ => new SgemmMicroKernel(&Kernel4x4Scalar, 4, 4),
    };
}

/// <summary>A micro-kernel entry point with its register tile: MR rows of A by NR columns of B.</summary>
internal readonly unsafe struct SgemmMicroKernel(delegate*<int, float*, float*, int, float*, int, float, void> run, int mr, int nr)
{
    /// <summary>The kernel: (kc, packed A strip, B panel, B row stride (NR when packed), C, ldc, alpha).</summary>
    public delegate*<int, float*, float*, int, float*, int, float, void> Run { get; } = run;

    /// <summary>Rows per tile.</summary>
    public int MR { get; } = mr;

    /// <summary>Columns per tile.</summary>
    public int NR { get; } = nr;
}
