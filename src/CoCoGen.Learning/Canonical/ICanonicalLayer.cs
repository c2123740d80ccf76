namespace CoCoGen.Learning.Canonical;

/// <summary>
/// One step of a canonical forward pass over a chunk of samples, each sample's values contiguous and back to
/// back. Every output element must be a function of its own sample alone, computed in an order fixed by the
/// layer's definition; the chunk size, thread and lane count may not change it.
/// </summary>
public interface ICanonicalLayer
{
    /// <summary>Floats per sample read.</summary>
    int InputLength { get; }

    /// <summary>Floats per sample written.</summary>
    int OutputLength { get; }

    /// <summary>Working floats <see cref="Forward"/> needs for a chunk of <paramref name="samples"/>.</summary>
    /// <param name="samples">Samples per chunk.</param>
    int ScratchLength(int samples);

    /// <summary>Computes the outputs of <paramref name="samples"/> samples.</summary>
    /// <param name="input">samples × <see cref="InputLength"/> floats.</param>
    /// <param name="output">samples × <see cref="OutputLength"/> floats, overwritten.</param>
    /// <param name="samples">Samples in this chunk.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/>(samples) floats, contents undefined.</param>
    void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch);
}
