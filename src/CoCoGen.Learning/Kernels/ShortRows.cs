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
        for (; i + 16 <= length; i += 16)
        {
            Vector512.Load(source + i).Store(destination + i);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(float* source, float* destination, int length)
    {
        int i = 0;
        for (; i + 16 <= length; i += 16)
        {
            (Vector512.Load(destination + i) + Vector512.Load(source + i)).Store(destination + i);
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
}
