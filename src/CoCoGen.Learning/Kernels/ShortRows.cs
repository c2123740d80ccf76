using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// Copy and accumulate for the short image rows of small feature maps (5 to 32 floats), inlined: a call to
/// memmove or a span kernel costs more than the row itself at these lengths.
/// </summary>
internal static unsafe class ShortRows
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(float* source, float* destination, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 16 <= length; i += 16)
            {
                Vector512.Load(source + i).Store(destination + i);
            }
        }

        for (; i + 8 <= length; i += 8)
        {
            Vector256.Load(source + i).Store(destination + i);
        }

        for (; i < length; i++)
        {
            destination[i] = source[i];
        }
    }

    /// <summary>
    /// Copies a short row without a loop: 8 to 16 floats as two overlapping Vector256 halves (exact); fewer
    /// with one Vector256 load and store when both stay inside their buffers (before
    /// <paramref name="sourceEnd"/> and <paramref name="destinationEnd"/>), so it may write up to 8 − length
    /// floats past the row: only for callers that fill their destination in increasing address order, which
    /// rewrite that slack afterwards. Otherwise, or for longer rows, an exact <see cref="Copy"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyWithSlack(float* source, float* destination, int length, float* sourceEnd, float* destinationEnd)
    {
        if (length is >= 8 and <= 16)
        {
            // Two overlapping halves cover the row exactly.
            Vector256<float> head = Vector256.Load(source);
            Vector256<float> tail = Vector256.Load(source + length - 8);
            head.Store(destination);
            tail.Store(destination + length - 8);
        }
        else if (length < 8 && source + 8 <= sourceEnd && destination + 8 <= destinationEnd)
        {
            Vector256.Load(source).Store(destination);
        }
        else
        {
            Copy(source, destination, length);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(float* source, float* destination, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 16 <= length; i += 16)
            {
                (Vector512.Load(destination + i) + Vector512.Load(source + i)).Store(destination + i);
            }
        }

        for (; i + 8 <= length; i += 8)
        {
            (Vector256.Load(destination + i) + Vector256.Load(source + i)).Store(destination + i);
        }

        for (; i < length; i++)
        {
            destination[i] += source[i];
        }
    }

    /// <summary>destination += scale · source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd(float* source, float scale, float* destination, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated && length >= 16)
        {
            Vector512<float> s512 = Vector512.Create(scale);
            for (; i + 16 <= length; i += 16)
            {
                Vector512.FusedMultiplyAdd(Vector512.Load(source + i), s512, Vector512.Load(destination + i)).Store(destination + i);
            }
        }

        if (i + 8 <= length)
        {
            Vector256<float> s256 = Vector256.Create(scale);
            for (; i + 8 <= length; i += 8)
            {
                Vector256.FusedMultiplyAdd(Vector256.Load(source + i), s256, Vector256.Load(destination + i)).Store(destination + i);
            }
        }

        for (; i < length; i++)
        {
            destination[i] += scale * source[i];
        }
    }

    /// <summary>Σ a[i]·b[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float* a, float* b, int length)
    {
        int i = 0;
        float sum = 0;
        if (length >= 8)
        {
            Vector256<float> acc = Vector256<float>.Zero;
            for (; i + 8 <= length; i += 8)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.Load(a + i), Vector256.Load(b + i), acc);
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
