using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// The one vectorised loop behind every elementwise kernel: Vector512, then Vector256, then Vector128
/// blocks, then a scalar tail. Lengths are checked by the public kernels before they get here.
/// </summary>
internal static class ElementwiseLoop
{
    public static void Apply<TOp>(ReadOnlySpan<float> x, Span<float> destination)
        where TOp : IUnaryOperator
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float dr = ref MemoryMarshal.GetReference(destination);
        int length = x.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                TOp.Invoke(Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref dr, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                TOp.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref dr, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                TOp.Invoke(Vector128.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref dr, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref dr, i) = TOp.Invoke(Unsafe.Add(ref xr, i));
        }
    }

    public static void Apply<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
        where TOp : IBinaryOperator
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float dr = ref MemoryMarshal.GetReference(destination);
        int length = x.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                TOp.Invoke(Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref dr, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                TOp.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref dr, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                TOp.Invoke(Vector128.LoadUnsafe(ref xr, (nuint)i), Vector128.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref dr, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref dr, i) = TOp.Invoke(Unsafe.Add(ref xr, i), Unsafe.Add(ref yr, i));
        }
    }
}
