namespace CoCoGen.Learning.Tensors;

/// <summary>
/// A dense float32 tensor in row-major (NCHW for images) layout over one contiguous array.
/// Reshaped views share storage; there are no strided views, so every kernel may treat the data as flat.
/// </summary>
public sealed class Tensor
{
    private readonly float[] _data;
    private readonly int[] _shape;
    private readonly int[] _strides;

    /// <summary>Creates a zero-filled tensor of the given shape.</summary>
    /// <param name="shape">The extent of every dimension (each ≥ 0).</param>
    public Tensor(params int[] shape)
        : this(new float[CheckedLength(shape)], shape)
    {
    }

    /// <summary>Wraps existing storage (not copied) with the given shape.</summary>
    /// <param name="data">The storage; its length must equal the product of the shape.</param>
    /// <param name="shape">The extent of every dimension (each ≥ 0).</param>
    public Tensor(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        int length = CheckedLength(shape);
        if (data.Length != length)
        {
            throw new ArgumentException($"data has {data.Length} elements but shape [{string.Join(", ", shape)}] needs {length}.", nameof(data));
        }

        _data = data;
        _shape = (int[])shape.Clone();
        _strides = new int[shape.Length];
        int stride = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            _strides[i] = stride;
            stride *= shape[i];
        }
    }

    /// <summary>The extent of every dimension.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The element stride of every dimension (row-major, contiguous).</summary>
    public ReadOnlySpan<int> Strides => _strides;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements.</summary>
    public int Length => _data.Length;

    /// <summary>The backing array (shared with reshaped views).</summary>
    public float[] Storage => _data;

    /// <summary>The elements as a span.</summary>
    public Span<float> Span => _data;

    /// <summary>The extent of dimension <paramref name="axis"/>.</summary>
    /// <param name="axis">The dimension index.</param>
    public int Dim(int axis) => _shape[axis];

    /// <summary>Element by flat index.</summary>
    /// <param name="index">The flat (row-major) index.</param>
    public float this[int index]
    {
        get => _data[index];
        set => _data[index] = value;
    }

    /// <summary>Element of a rank-2 tensor.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="column">Column index.</param>
    public float this[int row, int column]
    {
        get => _data[Offset(row, column)];
        set => _data[Offset(row, column)] = value;
    }

    /// <summary>Element of a rank-4 (NCHW) tensor.</summary>
    /// <param name="n">Sample.</param>
    /// <param name="c">Channel.</param>
    /// <param name="h">Row.</param>
    /// <param name="w">Column.</param>
    public float this[int n, int c, int h, int w]
    {
        get => _data[Offset(n, c, h, w)];
        set => _data[Offset(n, c, h, w)] = value;
    }

    /// <summary>Creates a tensor holding a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The elements in row-major order.</param>
    /// <param name="shape">The shape.</param>
    public static Tensor FromValues(ReadOnlySpan<float> values, params int[] shape)
    {
        var tensor = new Tensor(shape);
        if (values.Length != tensor.Length)
        {
            throw new ArgumentException($"{values.Length} values given for shape [{string.Join(", ", shape)}] of {tensor.Length} elements.", nameof(values));
        }

        values.CopyTo(tensor._data);
        return tensor;
    }

    /// <summary>A view with another shape of the same number of elements, sharing storage.</summary>
    /// <param name="shape">The new shape.</param>
    public Tensor Reshape(params int[] shape) => new(_data, shape);

    /// <summary>True when the shape equals <paramref name="shape"/>.</summary>
    /// <param name="shape">The shape to compare with.</param>
    public bool HasShape(ReadOnlySpan<int> shape) => shape.SequenceEqual(_shape);

    /// <summary>A deep copy.</summary>
    public Tensor Clone() => new((float[])_data.Clone(), _shape);

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Array.Clear(_data);

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    public void Fill(float value) => Array.Fill(_data, value);

    /// <summary>Copies the elements of a tensor of the same length into this one.</summary>
    /// <param name="source">The source tensor.</param>
    public void CopyFrom(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length != Length)
        {
            throw new ArgumentException($"source has {source.Length} elements, this tensor {Length}.", nameof(source));
        }

        source._data.CopyTo(_data, 0);
    }

    /// <summary>The shape as text, e.g. "[64, 1, 28, 28]".</summary>
    public string ShapeText => $"[{string.Join(", ", _shape)}]";

    /// <inheritdoc />
    public override string ToString() => $"Tensor{ShapeText}";

    /// <summary>
    /// Returns <paramref name="buffer"/> when it already has <paramref name="shape"/>, otherwise a new zeroed tensor.
    /// Layers keep their outputs this way so a steady-state training step allocates nothing.
    /// </summary>
    /// <param name="buffer">The cached tensor, or null.</param>
    /// <param name="shape">The required shape.</param>
    public static Tensor Reuse(ref Tensor? buffer, params ReadOnlySpan<int> shape)
    {
        if (buffer is null || !buffer.HasShape(shape))
        {
            buffer = new Tensor(shape.ToArray());
        }

        return buffer;
    }

    private int Offset(int row, int column)
    {
        if (_shape.Length != 2)
        {
            throw new InvalidOperationException($"Two indices given for a rank-{_shape.Length} tensor.");
        }

        return (row * _strides[0]) + column;
    }

    private int Offset(int n, int c, int h, int w)
    {
        if (_shape.Length != 4)
        {
            throw new InvalidOperationException($"Four indices given for a rank-{_shape.Length} tensor.");
        }

        return (n * _strides[0]) + (c * _strides[1]) + (h * _strides[2]) + w;
    }

    private static int CheckedLength(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long length = 1;
        foreach (int extent in shape)
        {
            if (extent < 0)
            {
                throw new ArgumentException($"Shape [{string.Join(", ", shape)}] has a negative extent.", nameof(shape));
            }

            length *= extent;
            if (length > Array.MaxLength)
            {
                throw new ArgumentException($"Shape [{string.Join(", ", shape)}] is too large.", nameof(shape));
            }
        }

        return (int)length;
    }
}
