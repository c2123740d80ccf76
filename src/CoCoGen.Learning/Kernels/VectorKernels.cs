using System.Numerics.Tensors;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// BLAS-1 style span kernels. They delegate to <see cref="TensorPrimitives"/>, which already dispatches
/// Vector512 → Vector256 → Vector128 → scalar; this class fixes the engine's argument order and checks.
/// </summary>
public static class VectorKernels
{
    /// <summary>destination = x · factor.</summary>
    /// <param name="x">Input.</param>
    /// <param name="factor">Scale.</param>
    /// <param name="destination">Output; may alias <paramref name="x"/>.</param>
    public static void Scale(ReadOnlySpan<float> x, float factor, Span<float> destination)
    {
        ActivationKernels.RequireSameLength(x.Length, destination.Length, nameof(destination));
        TensorPrimitives.Multiply(x, factor, destination);
    }

    /// <summary>destination = x + y.</summary>
    /// <param name="x">First input.</param>
    /// <param name="y">Second input.</param>
    /// <param name="destination">Output; may alias either input.</param>
    public static void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
    {
        ActivationKernels.RequireSameLength(x.Length, y.Length, nameof(y));
        ActivationKernels.RequireSameLength(x.Length, destination.Length, nameof(destination));
        TensorPrimitives.Add(x, y, destination);
    }

    /// <summary>destination = x ⊙ y.</summary>
    /// <param name="x">First input.</param>
    /// <param name="y">Second input.</param>
    /// <param name="destination">Output; may alias either input.</param>
    public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
    {
        ActivationKernels.RequireSameLength(x.Length, y.Length, nameof(y));
        ActivationKernels.RequireSameLength(x.Length, destination.Length, nameof(destination));
        TensorPrimitives.Multiply(x, y, destination);
    }

    /// <summary>y ← y + alpha · x (axpy).</summary>
    /// <param name="alpha">Scale of x.</param>
    /// <param name="x">Input.</param>
    /// <param name="y">Accumulator.</param>
    public static void AddScaled(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        ActivationKernels.RequireSameLength(x.Length, y.Length, nameof(y));
        TensorPrimitives.MultiplyAdd(x, alpha, y, y);
    }

    /// <summary>The sum of the elements.</summary>
    /// <param name="x">Input.</param>
    public static float Sum(ReadOnlySpan<float> x) => TensorPrimitives.Sum(x);

    /// <summary>The dot product.</summary>
    /// <param name="x">First input.</param>
    /// <param name="y">Second input.</param>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        ActivationKernels.RequireSameLength(x.Length, y.Length, nameof(y));
        return TensorPrimitives.Dot(x, y);
    }

    /// <summary>destination = x + value.</summary>
    /// <param name="x">Input.</param>
    /// <param name="value">The scalar added.</param>
    /// <param name="destination">Output; may alias <paramref name="x"/>.</param>
    public static void AddScalar(ReadOnlySpan<float> x, float value, Span<float> destination)
    {
        ActivationKernels.RequireSameLength(x.Length, destination.Length, nameof(destination));
        TensorPrimitives.Add(x, value, destination);
    }
}
