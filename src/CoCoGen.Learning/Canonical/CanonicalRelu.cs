using System.Numerics;

namespace CoCoGen.Learning.Canonical;

/// <summary>ReLU: x &lt; 0 ? 0 : x (NaN and −0 pass through unchanged). A comparison and a copy: exact everywhere.</summary>
public sealed class CanonicalRelu : ICanonicalLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="length">Floats per sample.</param>
    public CanonicalRelu(int length)
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

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        int length = samples * InputLength;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // The same ordered comparison and select per lane as the scalar loop.
            for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var value = new Vector<float>(input[i..]);
                Vector.ConditionalSelect(Vector.LessThan(value, Vector<float>.Zero), Vector<float>.Zero, value).CopyTo(output[i..]);
            }
        }

        for (; i < length; i++)
        {
            float value = input[i];
            output[i] = value < 0f ? 0f : value;
        }
    }
}
