using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Canonical;

/// <summary>The four lane widths the canonical kernels run at; the widest the hardware accelerates is used.</summary>
internal static class CanonicalLaneBlocks
{
    /// <summary>16 lanes (AVX-512).</summary>
    internal readonly struct Lanes512 : ICanonicalLanes<Vector512<float>>
    {
        public static int Count => Vector512<float>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Load(ref float source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector512<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> MultiplyThenAdd(Vector512<float> accumulator, Vector512<float> a, Vector512<float> b)
            => Vector512.Add(accumulator, Vector512.Multiply(a, b));
    }

    /// <summary>8 lanes (AVX2).</summary>
    internal readonly struct Lanes256 : ICanonicalLanes<Vector256<float>>
    {
        public static int Count => Vector256<float>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Load(ref float source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector256<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> MultiplyThenAdd(Vector256<float> accumulator, Vector256<float> a, Vector256<float> b)
            => Vector256.Add(accumulator, Vector256.Multiply(a, b));
    }

    /// <summary>4 lanes (SSE, Arm64 AdvSimd).</summary>
    internal readonly struct Lanes128 : ICanonicalLanes<Vector128<float>>
    {
        public static int Count => Vector128<float>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Load(ref float source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector128<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> MultiplyThenAdd(Vector128<float> accumulator, Vector128<float> a, Vector128<float> b)
            => Vector128.Add(accumulator, Vector128.Multiply(a, b));
    }

    /// <summary>One lane: the tails and machines without SIMD.</summary>
    internal readonly struct Lanes1 : ICanonicalLanes<float>
    {
        public static int Count => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Load(ref float source, nuint offset) => Unsafe.Add(ref source, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(float value, ref float destination, nuint offset) => Unsafe.Add(ref destination, offset) = value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Broadcast(float value) => value;

        // The casts pin float32 rounding of the product and of the sum (ECMA-335 would allow wider temporaries).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float MultiplyThenAdd(float accumulator, float a, float b) => (float)(accumulator + (float)(a * b));
    }
}
