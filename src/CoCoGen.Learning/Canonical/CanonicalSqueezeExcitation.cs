using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Squeeze-and-excitation (torchvision's, as the engine builds it: state "fc1" and "fc2", 1×1 convolutions with
/// bias). Per sample: p_c = the channel's mean (<see cref="CanonicalGlobalAveragePool"/>'s definition);
/// r_j = relu(b1_j + Σ_c W1[j, c]·p_c), c in index order; g_c = hardsigmoid(b2_c + Σ_j W2[c, j]·r_j) with
/// hardsigmoid(v) = clamp(v + 3, 0, 6)·(float)(1/6); y = x·g_c. Each product and sum rounded to float32 on its own,
/// sequential sums: scalar, a few thousand operations per sample.
/// </summary>
public sealed class CanonicalSqueezeExcitation : ICanonicalLayer
{
    private readonly float[] _weight1;
    private readonly float[] _bias1;
    private readonly float[] _weight2;
    private readonly float[] _bias2;
    private readonly int _channels;
    private readonly int _squeeze;
    private readonly int _pixels;

    /// <summary>Binds the layer to a state's tensors (not copied).</summary>
    /// <param name="state">The model state.</param>
    /// <param name="name">Prefix, e.g. "features.4.body.2" for "features.4.body.2.fc1.weight".</param>
    /// <param name="channels">Channels of the feature map.</param>
    /// <param name="squeeze">Width of the bottleneck.</param>
    /// <param name="pixels">Pixels per channel plane.</param>
    public CanonicalSqueezeExcitation(IReadOnlyDictionary<string, Tensor> state, string name, int channels, int squeeze, int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        _weight1 = CanonicalStateTensor.Require(state, name + ".fc1.weight", squeeze, channels, 1, 1).Storage;
        _bias1 = CanonicalStateTensor.Require(state, name + ".fc1.bias", squeeze).Storage;
        _weight2 = CanonicalStateTensor.Require(state, name + ".fc2.weight", channels, squeeze, 1, 1).Storage;
        _bias2 = CanonicalStateTensor.Require(state, name + ".fc2.bias", channels).Storage;
        _channels = channels;
        _squeeze = squeeze;
        _pixels = pixels;
    }

    /// <inheritdoc />
    public int InputLength => _channels * _pixels;

    /// <inheritdoc />
    public int OutputLength => InputLength;

    /// <inheritdoc />
    public int ScratchLength(int samples) => (2 * _channels) + _squeeze;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        Span<float> pooled = scratch[.._channels];
        Span<float> reduced = scratch.Slice(_channels, _squeeze);
        Span<float> gate = scratch.Slice(_channels + _squeeze, _channels);
        for (int s = 0; s < samples; s++)
        {
            ReadOnlySpan<float> x = input.Slice(s * InputLength, InputLength);
            for (int c = 0; c < _channels; c++)
            {
                float sum = 0f;
                foreach (float value in x.Slice(c * _pixels, _pixels))
                {
                    sum = (float)(sum + value);
                }

                pooled[c] = (float)(sum / _pixels);
            }

            for (int j = 0; j < _squeeze; j++)
            {
                float value = Dot(_bias1[j], _weight1.AsSpan(j * _channels, _channels), pooled);
                reduced[j] = value < 0f ? 0f : value;
            }

            for (int c = 0; c < _channels; c++)
            {
                float value = Dot(_bias2[c], _weight2.AsSpan(c * _squeeze, _squeeze), reduced);
                gate[c] = (float)(CanonicalHardswish.Clamp((float)(value + 3f)) * CanonicalHardswish.OneSixth);
            }

            Span<float> y = output.Slice(s * OutputLength, OutputLength);
            for (int c = 0; c < _channels; c++)
            {
                float g = gate[c];
                ReadOnlySpan<float> plane = x.Slice(c * _pixels, _pixels);
                Span<float> target = y.Slice(c * _pixels, _pixels);
                for (int p = 0; p < plane.Length; p++)
                {
                    target[p] = (float)(plane[p] * g);
                }
            }
        }
    }

    private static float Dot(float bias, ReadOnlySpan<float> weights, ReadOnlySpan<float> values)
    {
        float sum = bias;
        for (int i = 0; i < weights.Length; i++)
        {
            sum = (float)(sum + (float)(weights[i] * values[i]));
        }

        return sum;
    }
}
