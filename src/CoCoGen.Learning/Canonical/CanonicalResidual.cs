using System.Numerics;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// An identity shortcut around a chain of layers (MobileNetV2's inverted residual with stride 1 and its width
/// kept): output = body(x) + x, one float32 sum per element. The body runs through two activation buffers in
/// this layer's scratch, its last layer writing straight into the output.
/// </summary>
public sealed class CanonicalResidual : ICanonicalLayer
{
    private readonly ICanonicalLayer[] _body;
    private readonly int _widest;

    /// <summary>Chains the body and checks that each layer feeds the next and the body keeps the shape.</summary>
    /// <param name="body">The layers in order.</param>
    public CanonicalResidual(IReadOnlyList<ICanonicalLayer> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Count == 0)
        {
            throw new ArgumentException("A residual block needs at least one layer.", nameof(body));
        }

        int length = body[0].InputLength;
        int widest = 0;
        for (int i = 0; i < body.Count; i++)
        {
            if (body[i].InputLength != length)
            {
                throw new ArgumentException($"Layer {i} ({body[i].GetType().Name}) reads {body[i].InputLength} floats per sample but receives {length}.", nameof(body));
            }

            length = body[i].OutputLength;
            widest = Math.Max(widest, length);
        }

        if (length != body[0].InputLength)
        {
            throw new ArgumentException($"The body maps {body[0].InputLength} floats to {length}; an identity shortcut needs the same.", nameof(body));
        }

        _body = [.. body];
        _widest = widest;
        InputLength = length;
    }

    /// <inheritdoc />
    public int InputLength { get; }

    /// <inheritdoc />
    public int OutputLength => InputLength;

    /// <inheritdoc />
    public int ScratchLength(int samples) => (2 * _widest * samples) + _body.Max(l => l.ScratchLength(samples));

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        int activation = _widest * samples;
        Span<float> current = scratch[..activation];
        Span<float> other = scratch.Slice(activation, activation);
        Span<float> inner = scratch[(2 * activation)..];
        ReadOnlySpan<float> x = input[..(samples * InputLength)];
        for (int i = 0; i < _body.Length; i++)
        {
            ICanonicalLayer layer = _body[i];
            Span<float> y = i == _body.Length - 1 ? output[..(samples * OutputLength)] : current[..(samples * layer.OutputLength)];
            layer.Forward(x, y, samples, inner);
            x = y;
            Span<float> swap = current;
            current = other;
            other = swap;
        }

        Add(output[..(samples * OutputLength)], input[..(samples * InputLength)]);
    }

    private static void Add(Span<float> sum, ReadOnlySpan<float> shortcut)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= sum.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(sum[i..]) + new Vector<float>(shortcut[i..])).CopyTo(sum[i..]);
            }
        }

        for (; i < sum.Length; i++)
        {
            sum[i] = (float)(sum[i] + shortcut[i]);
        }
    }
}
