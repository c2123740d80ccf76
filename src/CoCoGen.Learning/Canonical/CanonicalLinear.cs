using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// Fully connected layer, PyTorch weight layout [out, in]. Definition of each output element: start from the
/// bias, then add w[o, p]·x[p] for p = 0, 1, …, in − 1. The chunk is transposed (an exact copy) so the
/// samples become the columns <see cref="CanonicalMatrixProduct"/> vectorises over.
/// </summary>
public sealed class CanonicalLinear : ICanonicalLayer
{
    private readonly float[] _weight;
    private readonly float[] _bias;

    /// <summary>Binds the layer to a state's tensors (not copied).</summary>
    /// <param name="state">The model state.</param>
    /// <param name="name">Prefix of the tensors, e.g. "fc1".</param>
    /// <param name="inputs">Input features.</param>
    /// <param name="outputs">Output features.</param>
    public CanonicalLinear(IReadOnlyDictionary<string, Tensor> state, string name, int inputs, int outputs)
    {
        _weight = CanonicalStateTensor.Require(state, name + ".weight", outputs, inputs).Storage;
        _bias = CanonicalStateTensor.Require(state, name + ".bias", outputs).Storage;
        InputLength = inputs;
        OutputLength = outputs;
    }

    /// <inheritdoc />
    public int InputLength { get; }

    /// <inheritdoc />
    public int OutputLength { get; }

    /// <inheritdoc />
    public int ScratchLength(int samples) => (InputLength + OutputLength) * samples;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int samples, Span<float> scratch)
    {
        Span<float> columns = scratch[..(InputLength * samples)];
        Span<float> product = scratch.Slice(InputLength * samples, OutputLength * samples);
        Transpose(input, columns, samples, InputLength);
        Span<int> rows = InputLength <= 4096 ? stackalloc int[InputLength] : new int[InputLength];
        for (int p = 0; p < rows.Length; p++)
        {
            rows[p] = p * samples;
        }

        CanonicalMatrixProduct.Multiply(_weight, _bias, columns, rows, product, OutputLength, InputLength, samples);
        Transpose(product, output, OutputLength, samples);
    }

    private static void Transpose(ReadOnlySpan<float> source, Span<float> destination, int rows, int columns)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = source.Slice(r * columns, columns);
            for (int c = 0; c < columns; c++)
            {
                destination[(c * rows) + r] = row[c];
            }
        }
    }
}
