namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Hardswish, in the engine's operation order: t = x + 3; c = t &lt; 0 ? 0 : (t &gt; 6 ? 6 : t); y = (x·c)·s with
/// s = (float)(1/6), each step rounded to float32 (no FMA). A NaN input gives NaN. Scalar: the activations it
/// follows are a small share of MobileNetV3-Small's cost.
/// </summary>
public sealed class CanonicalHardswish : ICanonicalLayer
{
    /// <summary>(float)(1/6), the engine's constant.</summary>
    internal const float OneSixth = 1f / 6f;

    /// <summary>Creates the layer.</summary>
    /// <param name="length">Floats per sample.</param>
    public CanonicalHardswish(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        InputLength = length;
    }

    /// <inheritdoc />
    public int InputLength { get; }

    /// <inheritdoc />
    public int OutputLength => InputLength;

    /// <inheritdoc />
    public int ScratchLength(int samples) => 0;

    /// <summary>The definition for one value.</summary>
    /// <param name="x">The input.</param>
    public static float Of(float x) => (float)((float)(x * Clamp((float)(x + 3f))) * OneSixth);

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        int length = samples * InputLength;
        for (int i = 0; i < length; i++)
        {
            output[i] = Of(input[i]);
        }
    }

    /// <summary>t &lt; 0 ? 0 : (t &gt; 6 ? 6 : t): comparisons only, so NaN passes.</summary>
    /// <param name="t">The shifted input.</param>
    internal static float Clamp(float t) => t < 0f ? 0f : t > 6f ? 6f : t;
}
