namespace CoCoGen.Learning.Canonical;

/// <summary>
/// A chain of canonical layers bound to one model state, mapping images (C×H×W floats each) to class logits.
/// Flattening is implicit: every layer reads its sample's values as one contiguous row (NCHW order).
/// </summary>
public sealed class CanonicalNetwork
{
    private readonly ICanonicalLayer[] _layers;

    /// <summary>Chains the layers and checks that each one's output feeds the next one's input.</summary>
    /// <param name="imageLength">Floats per input image.</param>
    /// <param name="classes">Logits per sample.</param>
    /// <param name="layers">The layers in order.</param>
    public CanonicalNetwork(int imageLength, int classes, IReadOnlyList<ICanonicalLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A canonical network needs at least one layer.", nameof(layers));
        }

        int length = imageLength;
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i].InputLength != length)
            {
                throw new ArgumentException($"Layer {i} ({layers[i].GetType().Name}) reads {layers[i].InputLength} floats per sample but receives {length}.", nameof(layers));
            }

            length = layers[i].OutputLength;
        }

        if (length != classes)
        {
            throw new ArgumentException($"The last layer writes {length} floats per sample, not {classes} logits.", nameof(layers));
        }

        _layers = [.. layers];
        ImageLength = imageLength;
        Classes = classes;
    }

    /// <summary>Floats per input image.</summary>
    public int ImageLength { get; }

    /// <summary>Logits per sample.</summary>
    public int Classes { get; }

    /// <summary>Buffers for chunks of up to <paramref name="samples"/> samples (one per thread).</summary>
    /// <param name="samples">Largest chunk.</param>
    public CanonicalWorkspace CreateWorkspace(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        int activation = ImageLength;
        int scratch = 0;
        foreach (ICanonicalLayer layer in _layers)
        {
            activation = Math.Max(activation, layer.OutputLength);
            scratch = Math.Max(scratch, layer.ScratchLength(samples));
        }

        return new CanonicalWorkspace(samples, activation * samples, scratch);
    }

    /// <summary>Logits of a chunk of images.</summary>
    /// <param name="images">samples × <see cref="ImageLength"/> floats.</param>
    /// <param name="samples">Samples in the chunk, at most the workspace's.</param>
    /// <param name="logits">samples × <see cref="Classes"/> floats, overwritten.</param>
    /// <param name="workspace">A workspace from <see cref="CreateWorkspace"/> used by no other thread.</param>
    public void Forward(ReadOnlySpan<float> images, int samples, Span<float> logits, CanonicalWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, workspace.Samples);
        if (images.Length < samples * ImageLength || logits.Length < samples * Classes)
        {
            throw new ArgumentException($"{samples} samples need {samples * ImageLength} image floats and {samples * Classes} logits; got {images.Length} and {logits.Length}.", nameof(images));
        }

        ReadOnlySpan<float> input = images[..(samples * ImageLength)];
        Span<float> current = workspace.First;
        Span<float> other = workspace.Second;
        for (int i = 0; i < _layers.Length; i++)
        {
            ICanonicalLayer layer = _layers[i];
            Span<float> output = i == _layers.Length - 1 ? logits[..(samples * Classes)] : current[..(samples * layer.OutputLength)];
            layer.Forward(input, output, samples, workspace.Scratch);
            input = output;
            Span<float> swap = current;
            current = other;
            other = swap;
        }
    }
}
