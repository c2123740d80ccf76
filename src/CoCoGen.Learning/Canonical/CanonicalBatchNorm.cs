using System.Numerics;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Batch norm in evaluation mode (running statistics), state names as PyTorch's: weight γ, bias β,
/// running_mean μ, running_var σ². Folded at bind into a per-channel scale and shift, each step a float32
/// operation rounded on its own (no FMA): t = σ² + ε, r = √t (IEEE square root, correctly rounded),
/// scale = γ / r, shift = β − μ·scale (the product rounded before the difference). Each element is then
/// x·scale + shift, the product rounded before the sum. Every step is a basic IEEE operation, so the fold and
/// the output are the same bits on every machine; the fold reads the state once per bind, which is why a
/// network must be bound again after its batch-norm tensors change.
/// </summary>
public sealed class CanonicalBatchNorm : ICanonicalLayer
{
    private readonly float[] _scale;
    private readonly float[] _shift;
    private readonly int _pixels;

    /// <summary>Folds the layer's tensors (read now, not kept).</summary>
    /// <param name="state">The model state.</param>
    /// <param name="name">Prefix of the tensors, e.g. "features.0.1".</param>
    /// <param name="channels">Channels.</param>
    /// <param name="pixels">Pixels per channel plane.</param>
    /// <param name="epsilon">Variance floor ε (PyTorch's and the engine's default 1e-5).</param>
    public CanonicalBatchNorm(IReadOnlyDictionary<string, Tensor> state, string name, int channels, int pixels, float epsilon = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        ReadOnlySpan<float> gamma = CanonicalStateTensor.Require(state, name + ".weight", channels).Span;
        ReadOnlySpan<float> beta = CanonicalStateTensor.Require(state, name + ".bias", channels).Span;
        ReadOnlySpan<float> mean = CanonicalStateTensor.Require(state, name + ".running_mean", channels).Span;
        ReadOnlySpan<float> variance = CanonicalStateTensor.Require(state, name + ".running_var", channels).Span;
        _scale = new float[channels];
        _shift = new float[channels];
        _pixels = pixels;
        for (int c = 0; c < channels; c++)
        {
            float root = MathF.Sqrt((float)(variance[c] + epsilon));
            float scale = (float)(gamma[c] / root);
            _scale[c] = scale;
            _shift[c] = (float)(beta[c] - (float)(mean[c] * scale));
        }

        InputLength = channels * pixels;
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
        for (int s = 0; s < samples; s++)
        {
            for (int c = 0; c < _scale.Length; c++)
            {
                int start = (s * InputLength) + (c * _pixels);
                Apply(input.Slice(start, _pixels), output.Slice(start, _pixels), _scale[c], _shift[c]);
            }
        }
    }

    private static void Apply(ReadOnlySpan<float> x, Span<float> y, float scale, float shift)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // A vector multiply then a vector add: the JIT never contracts them into an FMA.
            var scales = new Vector<float>(scale);
            var shifts = new Vector<float>(shift);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (Vector.Multiply(new Vector<float>(x[i..]), scales) + shifts).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] = (float)((float)(x[i] * scale) + shift);
        }
    }
}
