using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static CoCoGen.Learning.Canonical.CanonicalLaneBlocks;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// The one arithmetic kernel of canonical inference: C[i, j] = bias[i] + Σₚ A[i, p]·B[p, j] with A [M×K] and
/// C [M×N] row-major and row p of B starting at b[rowOffsets[p]] (a dense B has offsets p·N; a stride-1
/// convolution points every row into one padded image, so it needs no unfolded copy). Each element is defined as a strictly sequential float32 sum: the
/// accumulator starts at bias[i] and adds A[i, p]·B[p, j] for p = 0, 1, …, K − 1, the product rounded to float32
/// before every sum (no FMA). SIMD runs across the columns j (16, 8, 4 or 1 at a time, register-blocked up to
/// four rows by two registers), never across p, so no lane count, ISA or thread split can change a bit of C.
/// </summary>
internal static class CanonicalMatrixProduct
{
    /// <summary>Computes C = bias·1ᵀ + A·B as defined above.</summary>
    /// <param name="a">[M×K] row-major.</param>
    /// <param name="bias">[M].</param>
    /// <param name="b">Holds B: B[p, j] = b[rowOffsets[p] + j].</param>
    /// <param name="rowOffsets">[K] where each row of B starts in <paramref name="b"/>.</param>
    /// <param name="c">[M×N] row-major, overwritten.</param>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="k">Columns of A, rows of B.</param>
    /// <param name="n">Columns of B and C.</param>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> bias, ReadOnlySpan<float> b, ReadOnlySpan<int> rowOffsets, Span<float> c, int m, int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        RequireLength(a.Length, (long)m * k, nameof(a));
        RequireLength(bias.Length, m, nameof(bias));
        RequireLength(rowOffsets.Length, k, nameof(rowOffsets));
        foreach (int offset in rowOffsets[..k])
        {
            if (offset < 0 || (long)offset + n > b.Length)
            {
                throw new ArgumentException($"A row of B starting at {offset} with {n} columns runs outside b's {b.Length} floats.", nameof(rowOffsets));
            }
        }

        RequireLength(c.Length, (long)m * n, nameof(c));
        ref float ar = ref MemoryMarshal.GetReference(a);
        ref float biasr = ref MemoryMarshal.GetReference(bias);
        ref float br = ref MemoryMarshal.GetReference(b);
        ref float cr = ref MemoryMarshal.GetReference(c);
        ref int or = ref MemoryMarshal.GetReference(rowOffsets);
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            j = Columns<Vector512<float>, Lanes512>(ref ar, ref biasr, ref br, ref or, ref cr, m, k, n, j);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            j = Columns<Vector256<float>, Lanes256>(ref ar, ref biasr, ref br, ref or, ref cr, m, k, n, j);
        }

        if (Vector128.IsHardwareAccelerated)
        {
            j = Columns<Vector128<float>, Lanes128>(ref ar, ref biasr, ref br, ref or, ref cr, m, k, n, j);
        }

        j = Columns<float, Lanes1>(ref ar, ref biasr, ref br, ref or, ref cr, m, k, n, j);
        if (j < n)
        {
            // Only a one-column product gets here (the one-lane blocks are two columns wide).
            for (int i = 0; i < m; i++)
            {
                float sum = bias[i];
                for (int p = 0; p < k; p++)
                {
                    sum = Lanes1.MultiplyThenAdd(sum, a[(i * k) + p], b[rowOffsets[p]]);
                }

                c[i] = sum;
            }
        }
    }

    private static void RequireLength(int actual, long required, string name)
    {
        if (actual < required)
        {
            throw new ArgumentException($"{name} holds {actual} floats; the product needs {required}.", name);
        }
    }

    // Columns [j, …) in blocks of two registers of TL.Count lanes; returns the first column left over. A ragged
    // end is covered by one more block ending at column n: the columns it shares with the previous block are
    // computed again by the same operations in the same order, so they are rewritten with the same bits.
    private static int Columns<TB, TL>(ref float a, ref float bias, ref float b, ref int offsets, ref float c, int m, int k, int n, int j)
        where TB : struct
        where TL : struct, ICanonicalLanes<TB>
    {
        int width = 2 * TL.Count;
        if (n - j < width)
        {
            return j;
        }

        for (; j <= n - width; j += width)
        {
            RowBlocks<TB, TL>(ref a, ref bias, ref b, ref offsets, ref c, m, k, n, j);
        }

        if (j < n)
        {
            RowBlocks<TB, TL>(ref a, ref bias, ref b, ref offsets, ref c, m, k, n, n - width);
        }

        return n;
    }

    // Rows in blocks of four, then two, then one, so that at least four accumulators hide the add latency
    // except on a last odd row.
    private static void RowBlocks<TB, TL>(ref float a, ref float bias, ref float b, ref int offsets, ref float c, int m, int k, int n, int j)
        where TB : struct
        where TL : struct, ICanonicalLanes<TB>
    {
        int i = 0;
        for (; i <= m - 4; i += 4)
        {
            FourRowsTwoBlocks<TB, TL>(ref a, ref bias, ref b, ref offsets, ref c, i, k, n, j);
        }

        if (i <= m - 2)
        {
            TwoRowsTwoBlocks<TB, TL>(ref a, ref bias, ref b, ref offsets, ref c, i, k, n, j);
            i += 2;
        }

        if (i < m)
        {
            OneRowTwoBlocks<TB, TL>(ref a, ref bias, ref b, ref offsets, ref c, i, k, n, j);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRowsTwoBlocks<TB, TL>(ref float a, ref float bias, ref float b, ref int offsets, ref float c, int i, int k, int n, int j)
        where TB : struct
        where TL : struct, ICanonicalLanes<TB>
    {
        ref float a0 = ref Unsafe.Add(ref a, (nint)i * k);
        ref float a1 = ref Unsafe.Add(ref a0, k);
        ref float a2 = ref Unsafe.Add(ref a1, k);
        ref float a3 = ref Unsafe.Add(ref a2, k);
        TB c00 = TL.Broadcast(Unsafe.Add(ref bias, i));
        TB c10 = TL.Broadcast(Unsafe.Add(ref bias, i + 1));
        TB c20 = TL.Broadcast(Unsafe.Add(ref bias, i + 2));
        TB c30 = TL.Broadcast(Unsafe.Add(ref bias, i + 3));
        TB c01 = c00;
        TB c11 = c10;
        TB c21 = c20;
        TB c31 = c30;
        nuint second = (nuint)TL.Count;
        for (int p = 0; p < k; p++)
        {
            nuint offset = (nuint)(uint)Unsafe.Add(ref offsets, p) + (nuint)j;
            TB b0 = TL.Load(ref b, offset);
            TB b1 = TL.Load(ref b, offset + second);
            TB w = TL.Broadcast(Unsafe.Add(ref a0, p));
            c00 = TL.MultiplyThenAdd(c00, w, b0);
            c01 = TL.MultiplyThenAdd(c01, w, b1);
            w = TL.Broadcast(Unsafe.Add(ref a1, p));
            c10 = TL.MultiplyThenAdd(c10, w, b0);
            c11 = TL.MultiplyThenAdd(c11, w, b1);
            w = TL.Broadcast(Unsafe.Add(ref a2, p));
            c20 = TL.MultiplyThenAdd(c20, w, b0);
            c21 = TL.MultiplyThenAdd(c21, w, b1);
            w = TL.Broadcast(Unsafe.Add(ref a3, p));
            c30 = TL.MultiplyThenAdd(c30, w, b0);
            c31 = TL.MultiplyThenAdd(c31, w, b1);
        }

        nuint row = (nuint)i * (nuint)n + (nuint)j;
        TL.Store(c00, ref c, row);
        TL.Store(c01, ref c, row + second);
        row += (nuint)n;
        TL.Store(c10, ref c, row);
        TL.Store(c11, ref c, row + second);
        row += (nuint)n;
        TL.Store(c20, ref c, row);
        TL.Store(c21, ref c, row + second);
        row += (nuint)n;
        TL.Store(c30, ref c, row);
        TL.Store(c31, ref c, row + second);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoRowsTwoBlocks<TB, TL>(ref float a, ref float bias, ref float b, ref int offsets, ref float c, int i, int k, int n, int j)
        where TB : struct
        where TL : struct, ICanonicalLanes<TB>
    {
        ref float a0 = ref Unsafe.Add(ref a, (nint)i * k);
        ref float a1 = ref Unsafe.Add(ref a0, k);
        TB c00 = TL.Broadcast(Unsafe.Add(ref bias, i));
        TB c10 = TL.Broadcast(Unsafe.Add(ref bias, i + 1));
        TB c01 = c00;
        TB c11 = c10;
        nuint second = (nuint)TL.Count;
        for (int p = 0; p < k; p++)
        {
            nuint offset = (nuint)(uint)Unsafe.Add(ref offsets, p) + (nuint)j;
            TB b0 = TL.Load(ref b, offset);
            TB b1 = TL.Load(ref b, offset + second);
            TB w = TL.Broadcast(Unsafe.Add(ref a0, p));
            c00 = TL.MultiplyThenAdd(c00, w, b0);
            c01 = TL.MultiplyThenAdd(c01, w, b1);
            w = TL.Broadcast(Unsafe.Add(ref a1, p));
            c10 = TL.MultiplyThenAdd(c10, w, b0);
            c11 = TL.MultiplyThenAdd(c11, w, b1);
        }

        nuint row = (nuint)i * (nuint)n + (nuint)j;
        TL.Store(c00, ref c, row);
        TL.Store(c01, ref c, row + second);
        row += (nuint)n;
        TL.Store(c10, ref c, row);
        TL.Store(c11, ref c, row + second);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OneRowTwoBlocks<TB, TL>(ref float a, ref float bias, ref float b, ref int offsets, ref float c, int i, int k, int n, int j)
        where TB : struct
        where TL : struct, ICanonicalLanes<TB>
    {
        ref float ai = ref Unsafe.Add(ref a, (nint)i * k);
        TB c0 = TL.Broadcast(Unsafe.Add(ref bias, i));
        TB c1 = c0;
        nuint second = (nuint)TL.Count;
        for (int p = 0; p < k; p++)
        {
            nuint offset = (nuint)(uint)Unsafe.Add(ref offsets, p) + (nuint)j;
            TB w = TL.Broadcast(Unsafe.Add(ref ai, p));
            c0 = TL.MultiplyThenAdd(c0, w, TL.Load(ref b, offset));
            c1 = TL.MultiplyThenAdd(c1, w, TL.Load(ref b, offset + second));
        }

        nuint row = ((nuint)i * (nuint)n) + (nuint)j;
        TL.Store(c0, ref c, row);
        TL.Store(c1, ref c, row + second);
    }
}
