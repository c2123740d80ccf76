using System.Numerics;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// ReLU6: x &lt; 0 ? 0 : (x &gt; 6 ? 6 : x) (NaN and −0 pass through unchanged). Comparisons and copies: exact
/// everywhere.
/// </summary>
public sealed class CanonicalRelu6 : ICanonicalLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="length">Floats per sample.</param>
    public CanonicalRelu6(int length)
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
            // The same two ordered comparisons and selects per lane as the scalar loop.
            var six = new Vector<float>(6f);
            for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var value = new Vector<float>(input[i..]);
                value = Vector.ConditionalSelect(Vector.LessThan(value, Vector<float>.Zero), Vector<float>.Zero, value);
                Vector.ConditionalSelect(Vector.GreaterThan(value, six), six, value).CopyTo(output[i..]);
            }
        }

        for (; i < length; i++)
        {
            float value = input[i];
            output[i] = value < 0f ? 0f : value > 6f ? 6f : value;
        }
    }
}
